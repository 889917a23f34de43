/* test-api-pipelines.c — R7: the standard pipeline, custom limits, delete rules, summary */
#include "config.h"

#include "server-fixture.h"

static const char *standard_steps[] = { "ติดต่อ", "ข้อเสนอ", "ต่อรอง", "ปิดการขาย" };

static const char *
steps_json (guint n)
{
  GString *steps = g_string_new ("[");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (steps, "%s{\"name\": \"ขั้นที่ %u\"}", i > 0 ? ", " : "", i + 1);
  g_string_append_c (steps, ']');
  rt_pool_add (steps->str, g_free);
  return g_string_free (steps, FALSE);   /* the pooled text */
}

static RtResponse *
find_pipeline (RtServer *s, const char *token, gint64 id, const char **item)
{
  RtResponse *r = rt_get (s, token, "/pipelines");
  guint n;

  RT_ASSERT_STATUS (r, 200);
  n = rt_len (r, "items");
  for (guint i = 0; i < n; i++)
    if (rt_int (r, rt_path ("items.%u.id", i)) == id)
      {
        *item = rt_path ("items.%u", i);
        return r;
      }
  *item = NULL;
  return r;
}

static guint
count_custom (RtServer *s)
{
  RtResponse *r = rt_get (s, rt_admin (s)->token, "/pipelines");
  guint n, custom = 0;

  RT_ASSERT_STATUS (r, 200);
  n = rt_len (r, "items");
  for (guint i = 0; i < n; i++)
    if (!rt_bool (r, rt_path ("items.%u.standard", i)))
      custom++;
  return custom;
}

static void
test_standard (void)
{
  RtServer *s = rt_shared ();
  RtUser *u = rt_user_new (s, "user", 0);
  RtResponse *r = rt_get (s, u->token, "/pipelines");
  guint n, standard = 0;

  RT_ASSERT_STATUS (r, 200);
  n = rt_len (r, "items");
  for (guint i = 0; i < n; i++)
    {
      if (!rt_bool (r, rt_path ("items.%u.standard", i)))
        continue;
      standard++;
      RT_ASSERT_STR (r, rt_path ("items.%u.name", i), "มาตรฐาน");
      RT_ASSERT_CMPINT (r, rt_len (r, rt_path ("items.%u.steps", i)), ==, 4);
      for (guint j = 0; j < 4; j++)
        RT_ASSERT_STR (r, rt_path ("items.%u.steps.%u.name", i, j), standard_steps[j]);
      rt_int (r, rt_path ("items.%u.version", i));
      rt_int (r, rt_path ("items.%u.id", i));
    }
  RT_ASSERT_CMPINT (r, standard, ==, 1);
  /* the standard one comes first */
  RT_ASSERT_BOOL (r, "items.0.standard", TRUE);
}

static void
test_create (void)
{
  RtServer *s = rt_shared ();
  const char *token = rt_admin (s)->token;
  RtResponse *r;
  const char *item;
  gint64 id;

  r = rt_post (s, token, "/pipelines",
               rt_json ("{'name': 'งานราชการ', 'steps': [{'name': 'ยื่นซอง'}, {'name': 'ประกวดราคา'}, {'name': 'ได้งาน'}]}"));
  RT_ASSERT_STATUS (r, 201);
  id = rt_int (r, "id");
  RT_ASSERT_STR (r, "name", "งานราชการ");
  RT_ASSERT_BOOL (r, "standard", FALSE);
  RT_ASSERT_CMPINT (r, rt_len (r, "steps"), ==, 3);
  RT_ASSERT_STR (r, "steps.0.name", "ยื่นซอง");
  RT_ASSERT_STR (r, "steps.2.name", "ได้งาน");
  RT_ASSERT_INT (r, "version", 1);

  r = find_pipeline (s, rt_user_new (s, "user", 0)->token, id, &item);
  RT_CHECK (r, item != NULL, "GET /pipelines does not list the new pipeline");
  RT_ASSERT_STR (r, rt_path ("%s.name", item), "งานราชการ");

  r = rt_delete (s, token, rt_path ("/pipelines/" I64, id));
  RT_ASSERT_STATUS (r, 204);
}

static void
test_create_non_admin (void)
{
  RtServer *s = rt_shared ();
  RtUser *u = rt_user_new (s, "user", 0);
  RtResponse *r;

  r = rt_post (s, u->token, "/pipelines", rt_json ("{'name': 'ของฉัน', 'steps': %s}", steps_json (3)));
  RT_ASSERT_ERROR (r, 403, "admin_only");
}

static void
test_step_bounds (void)
{
  RtServer *s = rt_shared ();
  const char *token = rt_admin (s)->token;
  guint before = count_custom (s);
  RtResponse *r;
  gint64 two, ten;

  r = rt_post (s, token, "/pipelines", rt_json ("{'name': 'ศูนย์', 'steps': []}"));
  RT_ASSERT_INVALID (r, "steps");
  r = rt_post (s, token, "/pipelines", rt_json ("{'name': 'หนึ่ง', 'steps': %s}", steps_json (1)));
  RT_ASSERT_INVALID (r, "steps");
  r = rt_post (s, token, "/pipelines", rt_json ("{'name': 'สิบเอ็ด', 'steps': %s}", steps_json (11)));
  RT_ASSERT_INVALID (r, "steps");
  RT_ASSERT_CMPINT (NULL, count_custom (s), ==, before);

  r = rt_post (s, token, "/pipelines", rt_json ("{'name': 'สอง', 'steps': %s}", steps_json (2)));
  RT_ASSERT_STATUS (r, 201);
  two = rt_int (r, "id");
  r = rt_post (s, token, "/pipelines", rt_json ("{'name': 'สิบ', 'steps': %s}", steps_json (10)));
  RT_ASSERT_STATUS (r, 201);
  ten = rt_int (r, "id");
  RT_ASSERT_CMPINT (r, rt_len (r, "steps"), ==, 10);

  r = rt_post (s, token, "/pipelines", rt_json ("{'name': '', 'steps': %s}", steps_json (3)));
  RT_ASSERT_INVALID (r, "name");
  r = rt_post (s, token, "/pipelines", rt_json ("{'name': 'ผิดชนิด', 'steps': 3}"));
  RT_ASSERT_ERROR (r, 400, "bad_request");

  RT_ASSERT_STATUS (rt_delete (s, token, rt_path ("/pipelines/" I64, two)), 204);
  RT_ASSERT_STATUS (rt_delete (s, token, rt_path ("/pipelines/" I64, ten)), 204);
}

static void
test_limit (void)
{
  RtServer *s = rt_shared ();
  const char *token = rt_admin (s)->token;
  g_autoptr(GArray) made = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint custom = count_custom (s);
  RtResponse *r;
  gint64 id;

  for (; custom < 10; custom++)
    {
      id = rt_pipeline_new (s, 3);
      g_array_append_val (made, id);
    }
  RT_CHECK (NULL, made->len > 0, "the test needs room below the limit");

  /* the 11th custom pipeline */
  r = rt_post (s, token, "/pipelines", rt_json ("{'name': 'เกินโควตา', 'steps': %s}", steps_json (3)));
  RT_ASSERT_ERROR (r, 409, "limit_reached");
  RT_ASSERT_CMPINT (NULL, count_custom (s), ==, 10);

  /* deleting one makes room again */
  id = g_array_index (made, gint64, 0);
  RT_ASSERT_STATUS (rt_delete (s, token, rt_path ("/pipelines/" I64, id)), 204);
  id = rt_pipeline_new (s, 2);
  g_array_index (made, gint64, 0) = id;
  r = rt_post (s, token, "/pipelines", rt_json ("{'name': 'เกินอีก', 'steps': %s}", steps_json (2)));
  RT_ASSERT_ERROR (r, 409, "limit_reached");

  for (guint i = 0; i < made->len; i++)
    RT_ASSERT_STATUS (rt_delete (s, token, rt_path ("/pipelines/" I64, g_array_index (made, gint64, i))), 204);
}

static void
test_delete_standard (void)
{
  RtServer *s = rt_shared ();
  gint64 standard = rt_standard_pipeline (s);
  RtResponse *r;

  r = rt_delete (s, rt_admin (s)->token, rt_path ("/pipelines/" I64, standard));
  RT_ASSERT_ERROR (r, 403, "forbidden");
  r = rt_get (s, rt_admin (s)->token, "/pipelines");
  RT_ASSERT_BOOL (r, "items.0.standard", TRUE);
  RT_ASSERT_INT (r, "items.0.id", standard);
}

static void
test_delete_rules (void)
{
  RtServer *s = rt_shared ();
  const char *token = rt_admin (s)->token;
  RtUser *u = rt_user_new (s, "user", 0);
  gint64 pipeline = rt_pipeline_new (s, 3);
  gint64 lead = rt_lead_new (s, u->token, NULL);
  const char *path = rt_path ("/pipelines/" I64, pipeline);
  const char *item;
  RtResponse *r;

  rt_lead_move (s, u->token, lead, 1, pipeline);

  r = rt_delete (s, u->token, path);
  RT_ASSERT_ERROR (r, 403, "admin_only");
  r = rt_delete (s, token, path);
  RT_ASSERT_ERROR (r, 409, "conflict");

  /* an unfollowed lead still holds it */
  r = rt_post (s, u->token, rt_path ("/leads/" I64 "/unfollow", lead), rt_json ("{'reason': 'งบประมาณไม่พอ'}"));
  RT_ASSERT_STATUS (r, 200);
  r = rt_delete (s, token, path);
  RT_ASSERT_ERROR (r, 409, "conflict");

  r = rt_post (s, u->token, rt_path ("/leads/" I64 "/restore", lead), NULL);
  RT_ASSERT_STATUS (r, 200);
  rt_lead_move (s, u->token, lead, 0, rt_standard_pipeline (s));

  r = rt_delete (s, token, path);
  RT_ASSERT_STATUS (r, 204);
  r = find_pipeline (s, token, pipeline, &item);
  RT_CHECK (r, item == NULL, "the deleted pipeline is still listed");
  r = rt_delete (s, token, path);
  RT_ASSERT_ERROR (r, 404, "not_found");
}

static void
test_patch (void)
{
  RtServer *s = rt_shared ();
  const char *token = rt_admin (s)->token;
  gint64 pipeline = rt_pipeline_new (s, 3);
  gint64 standard = rt_standard_pipeline (s);
  const char *path = rt_path ("/pipelines/" I64, pipeline);
  RtUser *u = rt_user_new (s, "user", 0);
  const char *item;
  RtResponse *r;
  gint64 version;

  r = rt_patch (s, token, path, NULL, rt_json ("{'name': 'เปลี่ยนชื่อ'}"));
  RT_ASSERT_ERROR (r, 428, "precondition_required");
  r = rt_patch (s, token, path, rt_version_tag (2), rt_json ("{'name': 'เปลี่ยนชื่อ'}"));
  RT_ASSERT_ERROR (r, 412, "precondition_failed");
  r = rt_patch (s, u->token, path, rt_version_tag (1), rt_json ("{'name': 'เปลี่ยนชื่อ'}"));
  RT_ASSERT_ERROR (r, 403, "admin_only");
  r = rt_patch (s, token, path, rt_version_tag (1), rt_json ("{'name': 'เปลี่ยนชื่อ', 'standard': true}"));
  RT_ASSERT_ERROR (r, 400, "bad_request");
  r = rt_patch (s, token, path, rt_version_tag (1), rt_json ("{'steps': %s}", steps_json (11)));
  RT_ASSERT_INVALID (r, "steps");

  r = rt_patch (s, token, path, rt_version_tag (1), rt_json ("{'name': 'เปลี่ยนชื่อ'}"));
  RT_ASSERT_STATUS (r, 200);
  RT_ASSERT_STR (r, "name", "เปลี่ยนชื่อ");
  RT_ASSERT_INT (r, "version", 2);
  RT_ASSERT_CMPINT (r, rt_len (r, "steps"), ==, 3);

  /* the standard pipeline is renamable (R7) */
  r = find_pipeline (s, token, standard, &item);
  version = rt_int (r, rt_path ("%s.version", item));
  r = rt_patch (s, token, rt_path ("/pipelines/" I64, standard), rt_version_tag (version),
                rt_json ("{'name': 'ขายตรง'}"));
  RT_ASSERT_STATUS (r, 200);
  RT_ASSERT_STR (r, "name", "ขายตรง");
  RT_ASSERT_BOOL (r, "standard", TRUE);
  r = rt_patch (s, token, rt_path ("/pipelines/" I64, standard), rt_version_tag (version + 1),
                rt_json ("{'name': 'มาตรฐาน'}"));
  RT_ASSERT_STATUS (r, 200);

  RT_ASSERT_STATUS (rt_delete (s, token, path), 204);
}

static void
test_summary (void)
{
  RtServer *s = rt_shared ();
  const char *token = rt_admin (s)->token;
  RtUser *a = rt_user_new (s, "user", 0);
  RtUser *b = rt_user_new (s, "user", 0);
  gint64 pipeline = rt_pipeline_new (s, 3);
  const char *path = rt_path ("/pipelines/" I64 "/summary", pipeline);
  gint64 l1 = rt_lead_new (s, a->token, rt_json ("{'value': 100000}"));
  gint64 l2 = rt_lead_new (s, a->token, rt_json ("{'value': 250050}"));
  gint64 l3 = rt_lead_new (s, b->token, rt_json ("{'value': 7}"));
  gint64 l4 = rt_lead_new (s, b->token, rt_json ("{'value': 900000}"));
  RtResponse *r;

  r = rt_get (s, token, path);
  RT_ASSERT_STATUS (r, 200);
  RT_ASSERT_CMPINT (r, rt_len (r, "steps"), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      RT_ASSERT_INT (r, rt_path ("steps.%u.count", i), 0);
      RT_ASSERT_INT (r, rt_path ("steps.%u.value", i), 0);
    }

  rt_lead_move (s, a->token, l1, 0, pipeline);
  rt_lead_move (s, a->token, l2, 2, pipeline);
  rt_lead_move (s, b->token, l3, 0, pipeline);
  rt_lead_move (s, b->token, l4, 0, pipeline);
  /* unfollowed leads are not on the board */
  RT_ASSERT_STATUS (rt_post (s, b->token, rt_path ("/leads/" I64 "/unfollow", l4),
                             rt_json ("{'reason': 'ซื้อเจ้าอื่นแล้ว'}")), 200);

  r = rt_get (s, a->token, path);
  RT_ASSERT_STATUS (r, 200);
  RT_ASSERT_INT (r, "steps.0.count", 2);
  RT_ASSERT_INT (r, "steps.0.value", 100007);
  RT_ASSERT_INT (r, "steps.1.count", 0);
  RT_ASSERT_INT (r, "steps.1.value", 0);
  RT_ASSERT_INT (r, "steps.2.count", 1);
  RT_ASSERT_INT (r, "steps.2.value", 250050);

  r = rt_get (s, token, rt_path ("%s?owner_id=" I64, path, b->id));
  RT_ASSERT_STATUS (r, 200);
  RT_ASSERT_INT (r, "steps.0.count", 1);
  RT_ASSERT_INT (r, "steps.0.value", 7);
  RT_ASSERT_INT (r, "steps.2.count", 0);

  r = rt_get (s, token, rt_path ("/pipelines/" I64 "/summary", (gint64) 999999));
  RT_ASSERT_ERROR (r, 404, "not_found");
  r = rt_get (s, token, rt_path ("%s?owner_id=abc", path));
  RT_ASSERT_ERROR (r, 400, "bad_request");
}

int
main (int argc, char **argv)
{
  rt_init (&argc, &argv);

  rt_add ("/pipelines/standard", test_standard);
  rt_add ("/pipelines/create", test_create);
  rt_add ("/pipelines/create-non-admin", test_create_non_admin);
  rt_add ("/pipelines/step-bounds", test_step_bounds);
  rt_add ("/pipelines/limit", test_limit);
  rt_add ("/pipelines/delete-standard", test_delete_standard);
  rt_add ("/pipelines/delete-rules", test_delete_rules);
  rt_add ("/pipelines/patch", test_patch);
  rt_add ("/pipelines/summary", test_summary);

  return rt_run ();
}
