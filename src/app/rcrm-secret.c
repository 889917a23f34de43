/* rcrm-secret.c — the session token in the keyring (libsecret)
 *
 * Copyright 2026 R-CRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <libsecret/secret.h>

#include "rcrm-secret.h"

static guint timeout_ms = RCRM_SECRET_TIMEOUT_S * 1000;

static const SecretSchema *
token_schema (void)
{
  static const SecretSchema schema = {
    RCRM_SECRET_SCHEMA_NAME, SECRET_SCHEMA_NONE,
    {
      { "server", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "username", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
  };

  return &schema;
}

void
rcrm_secret_set_timeout_ms (guint ms)
{
  timeout_ms = ms > 0 ? ms : RCRM_SECRET_TIMEOUT_S * 1000;
}

/* ---- one call: libsecret's own async call, raced against the timeout ---------- */

typedef struct {
  GCancellable *inner;        /* handed to libsecret */
  GCancellable *outer;        /* the caller's, or NULL */
  gulong        cancelled_id;
  guint         timeout_id;
  gboolean      done;         /* the task has returned (the late answer is dropped) */
} Call;

static void
call_free (gpointer data)
{
  Call *call = data;

  if (call->outer != NULL)
    g_cancellable_disconnect (call->outer, call->cancelled_id);
  g_clear_handle_id (&call->timeout_id, g_source_remove);
  g_clear_object (&call->outer);
  g_clear_object (&call->inner);
  g_free (call);
}

static void
on_outer_cancelled (GCancellable *cancellable,
                    gpointer      user_data)
{
  g_cancellable_cancel (G_CANCELLABLE (user_data));
}

static gboolean
on_timeout (gpointer user_data)
{
  GTask *task = user_data;
  Call *call = g_task_get_task_data (task);

  call->timeout_id = 0;
  call->done = TRUE;
  g_cancellable_cancel (call->inner);

  if (call->outer != NULL && g_cancellable_is_cancelled (call->outer))
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s",
                             _("The operation was cancelled."));
  else
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
                             _("The keyring did not answer within %u seconds."),
                             (timeout_ms + 999) / 1000);
  g_object_unref (task);   /* the timeout's reference */

  return G_SOURCE_REMOVE;
}

static GTask *
call_start (GCancellable        *cancellable,
            gpointer             source_tag,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  Call *call = g_new0 (Call, 1);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, call, call_free);

  call->inner = g_cancellable_new ();
  if (cancellable != NULL)
    {
      call->outer = g_object_ref (cancellable);
      /* the handler gets inner, which the Call keeps alive until it disconnects */
      call->cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (on_outer_cancelled),
                                                  call->inner, NULL);
    }
  call->timeout_id = g_timeout_add (timeout_ms, on_timeout, g_object_ref (task));

  return g_steal_pointer (&task);
}

/* Called when libsecret answers: FALSE when the task already returned (timeout). */
static gboolean
call_finish (GTask *task)
{
  Call *call = g_task_get_task_data (task);

  if (call->done)
    return FALSE;

  call->done = TRUE;
  if (call->timeout_id != 0)
    {
      g_clear_handle_id (&call->timeout_id, g_source_remove);
      g_object_unref (task);   /* the timeout's reference */
    }

  return TRUE;
}

/* ---- store --------------------------------------------------------------------- */

static void
on_stored (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok = secret_password_store_finish (result, &error);

  if (!call_finish (task))
    return;

  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

void
rcrm_secret_store_async (const char          *server,
                         const char          *username,
                         const char          *token,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *label = NULL;
  Call *call;

  g_return_if_fail (server != NULL);
  g_return_if_fail (username != NULL);
  g_return_if_fail (token != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = call_start (cancellable, rcrm_secret_store_async, callback, user_data);
  call = g_task_get_task_data (task);
  /* Translators: the keyring item's name; the first %s is a user name, the second a server address */
  label = g_strdup_printf (_("R-CRM sign-in of %s at %s"), username, server);

  secret_password_store (token_schema (), SECRET_COLLECTION_DEFAULT, label, token,
                         call->inner, on_stored, g_object_ref (task),
                         "server", server,
                         "username", username,
                         NULL);
}

gboolean
rcrm_secret_store_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rcrm_secret_store_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- lookup -------------------------------------------------------------------- */

static void
on_looked_up (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  char *password = secret_password_lookup_finish (result, &error);

  if (!call_finish (task))
    {
      g_clear_pointer (&password, secret_password_free);
      return;
    }

  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    {
      g_task_return_pointer (task, g_strdup (password), g_free);
      g_clear_pointer (&password, secret_password_free);
    }
}

void
rcrm_secret_lookup_async (const char          *server,
                          const char          *username,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Call *call;

  g_return_if_fail (server != NULL);
  g_return_if_fail (username != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = call_start (cancellable, rcrm_secret_lookup_async, callback, user_data);
  call = g_task_get_task_data (task);

  secret_password_lookup (token_schema (), call->inner, on_looked_up, g_object_ref (task),
                          "server", server,
                          "username", username,
                          NULL);
}

char *
rcrm_secret_lookup_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rcrm_secret_lookup_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- clear --------------------------------------------------------------------- */

static void
on_cleared (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  secret_password_clear_finish (result, &error);

  if (!call_finish (task))
    return;

  /* FALSE without an error: there was nothing to remove */
  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

void
rcrm_secret_clear_async (const char          *server,
                         const char          *username,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Call *call;

  g_return_if_fail (server != NULL);
  g_return_if_fail (username != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = call_start (cancellable, rcrm_secret_clear_async, callback, user_data);
  call = g_task_get_task_data (task);

  secret_password_clear (token_schema (), call->inner, on_cleared, g_object_ref (task),
                         "server", server,
                         "username", username,
                         NULL);
}

gboolean
rcrm_secret_clear_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rcrm_secret_clear_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
