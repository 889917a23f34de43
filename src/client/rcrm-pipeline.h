/* rcrm-pipeline.h — a pipeline of the REST API, as a GObject */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define RCRM_TYPE_PIPELINE (rcrm_pipeline_get_type ())

G_DECLARE_FINAL_TYPE (RcrmPipeline, rcrm_pipeline, RCRM, PIPELINE, GObject)

/* A pipeline (R7): its step names in order (the last one is the won step). */
RcrmPipeline *rcrm_pipeline_new_from_json  (JsonObject    *object,
                                            GError       **error);
guint         rcrm_pipeline_get_n_steps    (RcrmPipeline  *self);
/* NULL when step is out of range */
const char   *rcrm_pipeline_get_step_name  (RcrmPipeline  *self,
                                            guint          step);


gint64               rcrm_pipeline_get_id       (RcrmPipeline        *self);
const char          *rcrm_pipeline_get_name     (RcrmPipeline        *self);
gboolean             rcrm_pipeline_get_standard (RcrmPipeline        *self);
const char * const  *rcrm_pipeline_get_steps    (RcrmPipeline        *self);
gint64               rcrm_pipeline_get_version  (RcrmPipeline        *self);

void                 rcrm_pipeline_set_id       (RcrmPipeline        *self,
                                                 gint64               id);
void                 rcrm_pipeline_set_name     (RcrmPipeline        *self,
                                                 const char          *name);
void                 rcrm_pipeline_set_standard (RcrmPipeline        *self,
                                                 gboolean             standard);
void                 rcrm_pipeline_set_steps    (RcrmPipeline        *self,
                                                 const char * const  *steps);
void                 rcrm_pipeline_set_version  (RcrmPipeline        *self,
                                                 gint64               version);

G_END_DECLS
