/* test-api-visibility.c — R14 with restrict_visibility on: admin, owner, team lead,
 * another user and an anonymous caller on every lead endpoint (hidden = 404, anonymous = 401) */
#include "config.h"

#include "server-fixture.h"

static struct {
  gboolean ready;
  gint64   team;
  RtUser  *admin;
  RtUser  *owner;       /* member of team */
  RtUser  *team_lead;   /* lead of team (and a member) */
  RtUser  *member;      /* another member of team */
  RtUser  *other;       /* no team */
} w;

static RtServer *
world (void)
{
  RtServer *s = rt_shared ();

  if (!w.ready)
    {
      w.admin = rt_admin (s);
      w.team_lead = rt_user_new (s, "user", 0);
      w.team = rt_team_new (s, "none", w.team_lead->id);
      rt_user_set_team (s, w.team_lead->id, w.team);
      w.owner = rt_user_new (s, "user", w.team);
      w.member = rt_user_new (s, "user", w.team);
      w.other = rt_user_new (s, "user", 0);
      w.ready = TRUE;
    }
  rt_settings_patch (s, rt_json ("{'restrict_visibility': true}"));
  return s;
}

static const char *
lead_path (gint64 id, const char *tail)
{
  return rt_path ("/leads/" I64 "%s", id, tail != NULL ? tail : "");
}

#define ASSERT_HIDDEN(r) RT_ASSERT_ERROR ((r), 404, "not_found")
#define ASSERT_ANONYMOUS(r) RT_ASSERT_ERROR ((r), 401, "unauthorized")
#define ASSERT_SEEN(r) \
  RT_CHECK ((r), (r)->status != 404 && (r)->status != 401, "a visible lead answered %u", (r)->status)

static void
test_get (void)
{
  RtServer *s = world ();
  gint64 id = rt_lead_new (s, w.owner->token, NULL);
  RtResponse *r, *missing;

  RT_ASSERT_INT (rt_lead_get (s, w.owner->token, id), "id", id);
  RT_ASSERT_INT (rt_lead_get (s, w.admin->token, id), "id", id);
  RT_ASSERT_INT (rt_lead_get (s, w.team_lead->token, id), "id", id);
  r = rt_get (s, w.other->token, lead_path (id, NULL));
  ASSERT_HIDDEN (r);
  RT_CHECK (r, !rt_has (r, "name") && strstr (rt_body_text (r), "ลีดทดสอบ") == NULL,
            "the 404 leaks the lead");
  r = rt_get (s, NULL, lead_path (id, NULL));
  ASSERT_ANONYMOUS (r);

  /* hidden looks exactly like missing */
  r = rt_get (s, w.other->token, lead_path (id, NULL));
  missing = rt_get (s, w.other->token, "/leads/999999");
  ASSERT_HIDDEN (missing);
  RT_ASSERT_CMPSTR (r, rt_str (r, "error.message"), ==, rt_str (missing, "error.message"));
}

static void
test_list (void)
{
  RtServer *s = world ();
  gint64 mine = rt_lead_new (s, w.owner->token, NULL);
  gint64 theirs = rt_lead_new (s, w.other->token, NULL);
  gint64 dropped = rt_lead_new (s, w.owner->token, NULL);
  RtResponse *r;
  GArray *ids;

  r = rt_post (s, w.owner->token, lead_path (dropped, "/unfollow"), rt_json ("{'reason': 'ไม่สนใจ'}"));
  RT_ASSERT_STATUS (r, 200);

  ids = rt_lead_list_all (s, w.other->token, "", 50);
  RT_CHECK (NULL, rt_ids_contain (ids, theirs), "the other user does not list their own lead");
  RT_CHECK (NULL, !rt_ids_contain (ids, mine), "the other user lists a hidden lead");
  ids = rt_lead_list_all (s, w.other->token, "state=unfollowed", 50);
  RT_CHECK (NULL, !rt_ids_contain (ids, dropped), "the other user lists a hidden unfollowed lead");
  RT_ASSERT_LIST (s, w.other->token, rt_path ("owner_id=" I64, w.owner->id), 0);

  ids = rt_lead_list_all (s, w.owner->token, "", 50);
  RT_CHECK (NULL, rt_ids_contain (ids, mine) && !rt_ids_contain (ids, theirs), "the owner's list is wrong");
  ids = rt_lead_list_all (s, w.team_lead->token, "", 50);
  RT_CHECK (NULL, rt_ids_contain (ids, mine) && !rt_ids_contain (ids, theirs), "the team lead's list is wrong");
  RT_ASSERT_LIST (s, w.team_lead->token, rt_path ("owner_id=" I64 "&state=unfollowed", w.owner->id), 1, dropped);
  ids = rt_lead_list_all (s, w.admin->token, "", 50);
  RT_CHECK (NULL, rt_ids_contain (ids, mine) && rt_ids_contain (ids, theirs), "the admin's list is wrong");

  r = rt_get (s, NULL, "/leads");
  ASSERT_ANONYMOUS (r);
}

static void
test_search (void)
{
  RtServer *s = world ();
  const char *name = rt_json ("ลับเฉพาะ%s", rt_unique ("v"));
  gint64 id = rt_lead_new (s, w.owner->token, rt_json ("{'name': '%s', 'phone': '086-555-0001'}", name));
  const char *query = rt_path ("q=%s", rt_q (name));
  const char *by_phone = rt_path ("q=%s", rt_q ("086-555-0001"));

  RT_ASSERT_LIST (s, w.other->token, query, 0);
  RT_ASSERT_LIST (s, w.other->token, by_phone, 0);
  RT_ASSERT_LIST (s, w.other->token, rt_path ("q=%s", rt_q ("ลับเฉพาะ")), 0);
  RT_ASSERT_LIST (s, w.owner->token, query, 1, id);
  RT_ASSERT_LIST (s, w.team_lead->token, query, 1, id);
  RT_ASSERT_LIST (s, w.admin->token, by_phone, 1, id);
}

static void
test_patch (void)
{
  RtServer *s = world ();
  gint64 id = rt_lead_new (s, w.owner->token, NULL);
  RtResponse *r;

  r = rt_patch (s, w.other->token, lead_path (id, NULL), "\"1\"", rt_json ("{'company': 'แอบแก้'}"));
  ASSERT_HIDDEN (r);
  r = rt_patch (s, w.other->token, lead_path (id, NULL), NULL, rt_json ("{'company': 'แอบแก้'}"));
  ASSERT_HIDDEN (r);
  r = rt_patch (s, NULL, lead_path (id, NULL), "\"1\"", rt_json ("{'company': 'แอบแก้'}"));
  ASSERT_ANONYMOUS (r);
  RT_ASSERT_INT (rt_lead_get (s, w.owner->token, id), "version", 1);

  r = rt_patch (s, w.owner->token, lead_path (id, NULL), "\"1\"", rt_json ("{'company': 'เจ้าของแก้'}"));
  RT_ASSERT_STATUS (r, 200);
  r = rt_patch (s, w.admin->token, lead_path (id, NULL), "\"2\"", rt_json ("{'company': 'แอดมินแก้'}"));
  RT_ASSERT_STATUS (r, 200);
  r = rt_patch (s, w.team_lead->token, lead_path (id, NULL), "\"3\"", rt_json ("{'company': 'หัวหน้าแก้'}"));
  ASSERT_SEEN (r);
}

static void
test_move (void)
{
  RtServer *s = world ();
  gint64 id = rt_lead_new (s, w.owner->token, NULL);
  RtResponse *r;

  r = rt_post (s, w.other->token, lead_path (id, "/move"), rt_json ("{'step': 1}"));
  ASSERT_HIDDEN (r);
  r = rt_post (s, w.other->token, lead_path (id, "/move"), rt_json ("{'step': 99}"));
  ASSERT_HIDDEN (r);
  r = rt_post (s, NULL, lead_path (id, "/move"), rt_json ("{'step': 1}"));
  ASSERT_ANONYMOUS (r);
  RT_ASSERT_INT (rt_lead_get (s, w.owner->token, id), "step", 0);

  rt_lead_move (s, w.owner->token, id, 1, 0);
  rt_lead_move (s, w.admin->token, id, 2, 0);
  r = rt_post (s, w.team_lead->token, lead_path (id, "/move"), rt_json ("{'step': 3}"));
  ASSERT_SEEN (r);
}

static void
test_unfollow_restore (void)
{
  RtServer *s = world ();
  gint64 id = rt_lead_new (s, w.owner->token, NULL);
  gint64 second = rt_lead_new (s, w.owner->token, NULL);
  RtResponse *r;

  r = rt_post (s, w.other->token, lead_path (id, "/unfollow"), rt_json ("{'reason': 'แอบทำ'}"));
  ASSERT_HIDDEN (r);
  r = rt_post (s, w.other->token, lead_path (id, "/unfollow"), rt_json ("{'reason': ''}"));
  ASSERT_HIDDEN (r);
  r = rt_post (s, NULL, lead_path (id, "/unfollow"), rt_json ("{'reason': 'แอบทำ'}"));
  ASSERT_ANONYMOUS (r);
  RT_ASSERT_STR (rt_lead_get (s, w.owner->token, id), "state", "in_progress");

  r = rt_post (s, w.owner->token, lead_path (id, "/unfollow"), rt_json ("{'reason': 'ไม่มีงบ'}"));
  RT_ASSERT_STATUS (r, 200);
  r = rt_post (s, w.other->token, lead_path (id, "/restore"), NULL);
  ASSERT_HIDDEN (r);
  r = rt_post (s, NULL, lead_path (id, "/restore"), NULL);
  ASSERT_ANONYMOUS (r);
  RT_ASSERT_STR (rt_lead_get (s, w.owner->token, id), "state", "unfollowed");
  r = rt_post (s, w.owner->token, lead_path (id, "/restore"), NULL);
  RT_ASSERT_STATUS (r, 200);

  r = rt_post (s, w.admin->token, lead_path (second, "/unfollow"), rt_json ("{'reason': 'แอดมินปิด'}"));
  RT_ASSERT_STATUS (r, 200);
  r = rt_post (s, w.admin->token, lead_path (second, "/restore"), NULL);
  RT_ASSERT_STATUS (r, 200);
  r = rt_post (s, w.team_lead->token, lead_path (second, "/unfollow"), rt_json ("{'reason': 'หัวหน้าปิด'}"));
  ASSERT_SEEN (r);
}

static void
test_assign (void)
{
  RtServer *s = world ();
  gint64 id = rt_lead_new (s, w.owner->token, NULL);
  const char *path = lead_path (id, "/assign");
  RtResponse *r;

  r = rt_post (s, w.other->token, path, rt_json ("{'owner_id': " I64 "}", w.other->id));
  ASSERT_HIDDEN (r);
  r = rt_post (s, NULL, path, rt_json ("{'owner_id': " I64 "}", w.other->id));
  ASSERT_ANONYMOUS (r);
  /* the owner sees it but is not a team lead */
  r = rt_post (s, w.owner->token, path, rt_json ("{'owner_id': " I64 "}", w.member->id));
  RT_ASSERT_ERROR (r, 403, "forbidden");
  RT_ASSERT_INT (rt_lead_get (s, w.owner->token, id), "owner_id", w.owner->id);

  /* the team lead gives it to another member: the old owner no longer sees it */
  r = rt_post (s, w.team_lead->token, path, rt_json ("{'owner_id': " I64 "}", w.member->id));
  RT_ASSERT_STATUS (r, 200);
  RT_ASSERT_INT (r, "owner_id", w.member->id);
  RT_ASSERT_INT (rt_lead_get (s, w.member->token, id), "owner_id", w.member->id);
  r = rt_get (s, w.owner->token, lead_path (id, NULL));
  ASSERT_HIDDEN (r);

  r = rt_post (s, w.admin->token, path, rt_json ("{'owner_id': " I64 "}", w.other->id));
  RT_ASSERT_STATUS (r, 200);
  RT_ASSERT_INT (rt_lead_get (s, w.other->token, id), "owner_id", w.other->id);
  /* out of the team now */
  r = rt_get (s, w.team_lead->token, lead_path (id, NULL));
  ASSERT_HIDDEN (r);
  r = rt_post (s, w.team_lead->token, path, rt_json ("{'owner_id': " I64 "}", w.member->id));
  ASSERT_HIDDEN (r);
}

static void
test_timeline_and_notes (void)
{
  RtServer *s = world ();
  gint64 id = rt_lead_new (s, w.owner->token, NULL);
  RtResponse *r;
  gint64 note;

  r = rt_post (s, w.owner->token, lead_path (id, "/notes"), rt_json ("{'body': 'ข้อมูลลับของลูกค้า'}"));
  RT_ASSERT_STATUS (r, 201);
  note = rt_int (r, "id");

  for (int i = 0; i < 2; i++)
    {
      const char *tail = i == 0 ? "/timeline" : "/notes";

      r = rt_get (s, w.other->token, lead_path (id, tail));
      ASSERT_HIDDEN (r);
      RT_CHECK (r, strstr (rt_body_text (r), "ข้อมูลลับ") == NULL, "the 404 leaks the note");
      r = rt_get (s, NULL, lead_path (id, tail));
      ASSERT_ANONYMOUS (r);
      r = rt_get (s, w.owner->token, lead_path (id, tail));
      RT_ASSERT_STATUS (r, 200);
      RT_CHECK (r, rt_len (r, "items") >= 1, "no entries");
      r = rt_get (s, w.team_lead->token, lead_path (id, tail));
      RT_ASSERT_STATUS (r, 200);
      r = rt_get (s, w.admin->token, lead_path (id, tail));
      RT_ASSERT_STATUS (r, 200);
    }

  r = rt_post (s, w.other->token, lead_path (id, "/notes"), rt_json ("{'body': 'แอบเขียน'}"));
  ASSERT_HIDDEN (r);
  r = rt_post (s, w.other->token, lead_path (id, "/notes"), rt_json ("{'body': ''}"));
  ASSERT_HIDDEN (r);
  r = rt_post (s, NULL, lead_path (id, "/notes"), rt_json ("{'body': 'แอบเขียน'}"));
  ASSERT_ANONYMOUS (r);
  r = rt_post (s, w.admin->token, lead_path (id, "/notes"), rt_json ("{'body': 'แอดมินเขียน'}"));
  RT_ASSERT_STATUS (r, 201);
  r = rt_post (s, w.team_lead->token, lead_path (id, "/notes"), rt_json ("{'body': 'หัวหน้าเขียน'}"));
  ASSERT_SEEN (r);

  r = rt_get (s, w.owner->token, lead_path (id, "/notes"));
  RT_CHECK (r, strstr (rt_body_text (r), "แอบเขียน") == NULL, "a hidden caller's note was stored");

  /* a hidden lead's notes are not found before they are append-only */
  {
    const char *note_path = rt_path ("/leads/" I64 "/notes/" I64, id, note);
    r = rt_patch (s, w.other->token, note_path, "\"1\"", rt_json ("{'body': 'x'}"));
    ASSERT_HIDDEN (r);
    r = rt_put (s, w.other->token, note_path, rt_json ("{'body': 'x'}"));
    ASSERT_HIDDEN (r);
    r = rt_delete (s, w.other->token, note_path);
    ASSERT_HIDDEN (r);
    r = rt_delete (s, NULL, note_path);
    ASSERT_ANONYMOUS (r);
    r = rt_delete (s, w.owner->token, note_path);
    RT_ASSERT_ERROR (r, 405, "append_only");
  }
}

static void
test_summary (void)
{
  RtServer *s = world ();
  gint64 pipeline = rt_pipeline_new (s, 2);
  const char *path = rt_path ("/pipelines/" I64 "/summary", pipeline);
  gint64 mine = rt_lead_new (s, w.owner->token, rt_json ("{'value': 10000}"));
  gint64 theirs = rt_lead_new (s, w.other->token, rt_json ("{'value': 500}"));
  RtResponse *r;

  rt_lead_move (s, w.owner->token, mine, 0, pipeline);
  rt_lead_move (s, w.other->token, theirs, 0, pipeline);

  r = rt_get (s, w.owner->token, path);
  RT_ASSERT_STATUS (r, 200);
  RT_ASSERT_INT (r, "steps.0.count", 1);
  RT_ASSERT_INT (r, "steps.0.value", 10000);
  r = rt_get (s, w.other->token, path);
  RT_ASSERT_INT (r, "steps.0.count", 1);
  RT_ASSERT_INT (r, "steps.0.value", 500);
  r = rt_get (s, w.team_lead->token, path);
  RT_ASSERT_INT (r, "steps.0.count", 1);
  RT_ASSERT_INT (r, "steps.0.value", 10000);
  r = rt_get (s, w.admin->token, path);
  RT_ASSERT_INT (r, "steps.0.count", 2);
  RT_ASSERT_INT (r, "steps.0.value", 10500);
  r = rt_get (s, w.other->token, rt_path ("%s?owner_id=" I64, path, w.owner->id));
  RT_ASSERT_STATUS (r, 200);
  RT_ASSERT_INT (r, "steps.0.count", 0);
  RT_ASSERT_INT (r, "steps.0.value", 0);
  r = rt_get (s, NULL, path);
  ASSERT_ANONYMOUS (r);
}

static void
test_restrict_off (void)
{
  RtServer *s = world ();
  gint64 id = rt_lead_new (s, w.owner->token, NULL);
  RtResponse *r;

  rt_settings_patch (s, rt_json ("{'restrict_visibility': false}"));
  RT_ASSERT_INT (rt_lead_get (s, w.other->token, id), "owner_id", w.owner->id);
  RT_CHECK (NULL, rt_ids_contain (rt_lead_list_all (s, w.other->token, rt_path ("owner_id=" I64, w.owner->id), 50), id),
            "with restrict_visibility off, the other user does not list the lead");
  r = rt_get (s, w.other->token, lead_path (id, "/timeline"));
  RT_ASSERT_STATUS (r, 200);
  /* seeing is not assigning */
  r = rt_post (s, w.other->token, lead_path (id, "/assign"), rt_json ("{'owner_id': " I64 "}", w.other->id));
  RT_ASSERT_ERROR (r, 403, "forbidden");

  rt_settings_patch (s, rt_json ("{'restrict_visibility': true}"));
  r = rt_get (s, w.other->token, lead_path (id, NULL));
  ASSERT_HIDDEN (r);
}

int
main (int argc, char **argv)
{
  rt_init (&argc, &argv);

  rt_add ("/visibility/get", test_get);
  rt_add ("/visibility/list", test_list);
  rt_add ("/visibility/search", test_search);
  rt_add ("/visibility/patch", test_patch);
  rt_add ("/visibility/move", test_move);
  rt_add ("/visibility/unfollow-restore", test_unfollow_restore);
  rt_add ("/visibility/assign", test_assign);
  rt_add ("/visibility/timeline-and-notes", test_timeline_and_notes);
  rt_add ("/visibility/summary", test_summary);
  rt_add ("/visibility/restrict-off", test_restrict_off);

  return rt_run ();
}
