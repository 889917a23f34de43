/* fill-leads.c — a database with many leads for the benchmarks (bench/)
 *
 * Copyright 2026 R-CRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   fill-leads --server build/src/server/rcrm-server --database /tmp/bench.db [--leads 100000]
 *
 * 1. Bootstrap: starts the real rcrm-server once on the new database
 *    (--listen 127.0.0.1:0, RCRM_ADMIN_PASSWORD set), waits for
 *    "listening on …" and stops it with SIGTERM.  So the admin user, the
 *    standard pipeline and the stored default settings are exactly what a
 *    real first start makes; nothing of main.c's bootstrap is copied here.
 * 2. Through the store API (rcrm-store.h) only: 3 teams with 24 salespeople,
 *    2 more pipelines, 3 system labels, then the leads in batched
 *    transactions (rcrm_store_begin … rcrm_store_commit), each with the
 *    "created" timeline entry the API writes.
 *
 * The inbox (in progress + closed) holds exactly --leads leads; another 5 %
 * are unfollowed (the unfollowed box).  Names, companies, phones, e-mails and
 * tax IDs (with valid check digits) are made up from Thai parts, from a GRand
 * with a fixed seed, so every fill is the same.  Each lead is created at a
 * random moment of the last two years (rcrm_store_set_clock), and 40 % get a
 * follow-up note up to 60 days later, so last_activity_at — the inbox's
 * default sort — is spread and unrelated to the id, as in real use.
 *
 * The strings are data, not user interface: not marked for translation.
 */
#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>

#include <glib/gstdio.h>
#include <gio/gio.h>

#include "rcrm-auth.h"
#include "rcrm-store.h"

#define SEED           20261124u
#define N_SALES        24
#define N_TEAMS        3

/* ---- data ------------------------------------------------------------------------- */

typedef struct {
  const char *thai;
  const char *latin;
  gboolean    female;
} GivenName;

static const GivenName given_names[] = {
  { "ธนพล", "thanaphon", FALSE },      { "วีระพงษ์", "weerapong", FALSE },
  { "ณัฐวุฒิ", "natthawut", FALSE },     { "กิตติพัฒน์", "kittiphat", FALSE },
  { "อนุชา", "anucha", FALSE },        { "ชัยวัฒน์", "chaiwat", FALSE },
  { "สุรเชษฐ์", "surachet", FALSE },     { "พงศกร", "phongsakorn", FALSE },
  { "ธีรวัฒน์", "theerawat", FALSE },    { "ปิยะ", "piya", FALSE },
  { "เอกชัย", "ekkachai", FALSE },      { "วรวุฒิ", "worawut", FALSE },
  { "ภานุวัฒน์", "phanuwat", FALSE },    { "ศักดิ์ชัย", "sakchai", FALSE },
  { "อภิชาติ", "apichart", FALSE },     { "ประเสริฐ", "prasert", FALSE },
  { "สมศักดิ์", "somsak", FALSE },       { "บุญชัย", "boonchai", FALSE },
  { "ไพโรจน์", "pairoj", FALSE },       { "ณรงค์", "narong", FALSE },
  { "วิภาวดี", "wipawadee", TRUE },     { "กมลวรรณ", "kamonwan", TRUE },
  { "ณัฐธิดา", "natthida", TRUE },      { "อรทัย", "orathai", TRUE },
  { "จิราพร", "jiraporn", TRUE },       { "ศิริพร", "siriporn", TRUE },
  { "รัตนา", "rattana", TRUE },         { "ปวีณา", "paweena", TRUE },
  { "ชนิดา", "chanida", TRUE },         { "สุภาวดี", "suphawadee", TRUE },
  { "กัญญารัตน์", "kanyarat", TRUE },    { "นภาพร", "naphaporn", TRUE },
  { "ธิดารัตน์", "thidarat", TRUE },     { "เบญจวรรณ", "benjawan", TRUE },
  { "อัญชลี", "anchalee", TRUE },       { "พิมพ์ชนก", "pimchanok", TRUE },
  { "สุนิสา", "sunisa", TRUE },         { "วรรณา", "wanna", TRUE },
  { "ปาริชาติ", "parichat", TRUE },     { "มาลัย", "malai", TRUE },
};

typedef struct {
  const char *thai;
  const char *latin;
} Surname;

static const Surname surnames[] = {
  { "ศรีสุข", "srisuk" },         { "มีสุข", "meesuk" },
  { "แก้วมณี", "kaewmanee" },     { "บุญมา", "boonma" },
  { "ทองดี", "thongdee" },        { "สุขสวัสดิ์", "suksawat" },
  { "รัตนพันธ์", "rattanaphan" },  { "เจริญผล", "charoenphon" },
  { "พรหมมา", "phromma" },       { "อินทร์แก้ว", "inkaew" },
  { "ศรีวงศ์", "sriwong" },        { "ชัยมงคล", "chaimongkol" },
  { "สายทอง", "saithong" },       { "นาคประเสริฐ", "nakprasert" },
  { "กิตติวงศ์", "kittiwong" },     { "ปัญญาดี", "panyadee" },
  { "วงศ์สวัสดิ์", "wongsawat" },   { "เพชรรัตน์", "phetcharat" },
  { "จันทร์เพ็ญ", "chanphen" },     { "ทองมา", "thongma" },
  { "บุญเรือง", "boonruang" },     { "ศรีสวัสดิ์", "srisawat" },
  { "พึ่งบุญ", "phuengboon" },     { "แสงอรุณ", "saengarun" },
  { "คำแก้ว", "khamkaew" },       { "วงศ์ไทย", "wongthai" },
  { "อ่อนศรี", "onsri" },         { "เกษมสุข", "kasemsuk" },
  { "ใจงาม", "jai-ngam" },        { "ประเสริฐวงศ์", "prasertwong" },
};

/* company names: "<kind> <first> <second> <end>" */
static const char * const company_first[] = {
  "สยาม", "ไทย", "กรุงเทพ", "เจริญ", "รุ่งเรือง", "ศรีสยาม", "ล้านนา", "อันดามัน", "อีสาน", "ชลบุรี",
  "บางกอก", "เอเชีย", "แสงทอง", "ทองไทย", "มั่นคง", "วัฒนา", "พัฒนา", "สุขสวัสดิ์", "นครชัย", "ภูเก็ต",
  "เชียงใหม่", "โคราช", "หาดใหญ่", "ระยอง", "นนทบุรี", "ไพศาล", "อุดมสุข", "กรีนวิลล์", "ซันไรส์", "เอ็มไพร์",
};

static const char * const company_second[] = {
  "เทคโนโลยี", "อุตสาหกรรม", "ฟู้ดส์", "โลจิสติกส์", "คอนสตรัคชั่น", "การแพทย์", "ดิจิทัล มีเดีย",
  "ยานยนต์", "แพคเกจจิ้ง", "คอฟฟี่", "มารีน เซอร์วิส", "ค้าวัสดุ", "อิเล็กทรอนิกส์", "ปิโตรเคมีคอล",
  "การพิมพ์", "เทรดดิ้ง", "เฮลท์แคร์", "เอ็นจิเนียริ่ง", "สมาร์ท ฟาร์ม", "โฮเทล แอนด์ รีสอร์ท",
  "อิมพอร์ต เอ็กซ์ปอร์ต", "เฟอร์นิเจอร์", "เรียลเอสเตท", "ฟาร์มาซี", "ซอฟต์แวร์", "ออโต้ พาร์ท",
  "ซีฟู้ด", "ขนส่ง", "พลาสติก", "เอ็ดดูเคชั่น", "บิวตี้", "ทราเวล", "การ์เมนต์", "สเตนเลส", "เบเกอรี่",
};

static const char * const company_latin_first[] = {
  "siam", "thai", "bangkok", "charoen", "rungruang", "srisiam", "lanna", "andaman", "isan", "chonburi",
  "bkk", "asia", "saengthong", "thongthai", "mankhong", "wattana", "phatthana", "suksawat", "nakhonchai",
  "phuket", "cm", "korat", "hatyai", "rayong", "nonthaburi", "paisal", "udomsuk", "greenville", "sunrise",
  "empire",
};

static const char * const company_latin_second[] = {
  "tech", "ind", "foods", "logistics", "construction", "medical", "media", "auto", "packaging", "coffee",
  "marine", "material", "electronics", "petro", "printing", "trading", "healthcare", "eng", "smartfarm",
  "resort", "ie", "furniture", "realestate", "pharmacy", "software", "autoparts", "seafood", "transport",
  "plastic", "education", "beauty", "travel", "garment", "stainless", "bakery",
};

G_STATIC_ASSERT (G_N_ELEMENTS (company_first) == G_N_ELEMENTS (company_latin_first));
G_STATIC_ASSERT (G_N_ELEMENTS (company_second) == G_N_ELEMENTS (company_latin_second));

static const char * const shops[] = {
  "ร้านแสงเจริญ การช่าง", "คลินิกทันตกรรมยิ้มสวย", "ร้านรุ่งโรจน์ วัสดุก่อสร้าง", "ร้านสมใจ การไฟฟ้า",
  "องค์การบริหารส่วนตำบลหนองบัว", "โรงพยาบาลส่งเสริมสุขภาพตำบลบ้านใหม่", "โรงเรียนวัดบ้านใหม่",
  "เทศบาลตำบลบางพระ", "สหกรณ์การเกษตรเมืองขอนแก่น จำกัด",
};

static const char * const mobile_prefixes[] = {
  "61", "62", "63", "64", "65", "80", "81", "82", "83", "84", "85", "86", "87", "89",
  "91", "92", "93", "94", "95", "96", "97", "98", "99",
};

static const char * const landline_areas[] = { "2", "2", "2", "53", "38", "43", "76", "44", "74" };

static const char * const personal_domains[] = {
  "gmail.com", "gmail.com", "gmail.com", "hotmail.com", "outlook.co.th", "yahoo.com",
};

/* the default settings.lead_sources and settings.unfollow_reasons */
static const char * const lead_sources[] = {
  "เว็บไซต์", "โทรศัพท์", "LINE", "Facebook", "งานแสดงสินค้า", "ลูกค้าแนะนำ",
};

static const char * const unfollow_reasons[] = {
  "ลูกค้าไม่มีงบประมาณ", "เลือกคู่แข่ง", "ติดต่อไม่ได้", "ยังไม่พร้อมซื้อ", "ข้อมูลไม่ถูกต้อง",
};

static const char * const notes[] = {
  "โทรติดตามแล้ว ลูกค้าขอใบเสนอราคาภายในวันศุกร์",
  "ส่งใบเสนอราคาทางอีเมลแล้ว รอลูกค้าตอบกลับ",
  "ลูกค้าขอส่วนลดเพิ่ม 5% หากสั่งซื้อภายในเดือนนี้",
  "นัดเข้าพบที่สำนักงานวันอังคาร",
  "โทรไม่ติด ส่งข้อความทาง LINE ไว้แล้ว",
  "ลูกค้าแจ้งว่างบประมาณจะอนุมัติไตรมาสหน้า",
};

static const char * const team_names[N_TEAMS] = { "ทีมขายกรุงเทพ", "ทีมขายภาคเหนือ", "ทีมขายภาคอีสาน" };

typedef struct {
  const char *name;
  const char *steps[8];
  guint       share;    /* percent of the leads */
} PipelineSpec;

/* the standard pipeline (made by the server's bootstrap) first */
static const PipelineSpec pipeline_specs[] = {
  { NULL, { NULL }, 60 },
  { "งานโครงการ", { "สำรวจความต้องการ", "นำเสนอโซลูชัน", "ทดลองใช้", "เจรจาสัญญา", "ปิดการขาย", NULL }, 25 },
  { "ต่ออายุสัญญา", { "แจ้งเตือนต่ออายุ", "เสนอราคาใหม่", "ปิดการขาย", NULL }, 15 },
};

#define N_PIPELINES G_N_ELEMENTS (pipeline_specs)

static const struct {
  const char *name;
  const char *color;
} label_specs[] = {
  { "ลูกค้า VIP",  "#e01b24" },
  { "งานเร่งด่วน", "#ff7800" },
  { "ภาครัฐ",     "#3584e4" },
};

#define N_LABELS G_N_ELEMENTS (label_specs)

/* ---- the fill ---------------------------------------------------------------------- */

typedef struct {
  RcrmStore *store;
  GRand     *rng;
  gint64     admin_id;
  gint64     sales_ids[N_SALES];
  gint64     pipeline_ids[N_PIPELINES];
  guint      pipeline_steps[N_PIPELINES];
  gint64     label_ids[N_LABELS];
} Fill;

#define PICK(fill, array) ((array)[g_rand_int_range ((fill)->rng, 0, G_N_ELEMENTS (array))])

static gboolean
chance (Fill  *fill,
        guint  percent)
{
  return (guint) g_rand_int_range (fill->rng, 0, 100) < percent;
}

/* d13 = (11 − Σ d_i × (14 − i) mod 11) mod 10 */
static char
tax_id_check_digit (const char *digits12)
{
  guint sum = 0;

  for (guint i = 0; i < 12; i++)
    sum += (guint) (digits12[i] - '0') * (13 - i);
  return (char) ('0' + (11 - sum % 11) % 10);
}

static char *
make_tax_id (Fill     *fill,
             gboolean  juristic)
{
  char digits[14];
  guint n = 0;

  if (juristic)
    {
      /* 0, registration office, type 5 (company), Buddhist year, serial */
      n = g_snprintf (digits, sizeof digits, "0%02d55%02d", g_rand_int_range (fill->rng, 10, 96),
                      g_rand_int_range (fill->rng, 30, 67));
    }
  else
    digits[n++] = chance (fill, 70) ? '1' : '3';
  for (; n < 12; n++)
    digits[n] = (char) ('0' + g_rand_int_range (fill->rng, 0, 10));
  digits[12] = tax_id_check_digit (digits);
  digits[13] = '\0';
  return g_strdup (digits);
}

static char *
make_phone (Fill *fill)
{
  GString *phone = g_string_new ("+66");
  guint national_len;

  if (chance (fill, 80))
    {
      g_string_append (phone, PICK (fill, mobile_prefixes));
      national_len = 9;
    }
  else
    {
      g_string_append (phone, PICK (fill, landline_areas));
      national_len = 8;
    }
  /* no 0 right after the prefix: it reads like a trunk prefix */
  g_string_append_c (phone, (char) ('1' + g_rand_int_range (fill->rng, 0, 9)));
  while (phone->len < 3 + national_len)
    g_string_append_c (phone, (char) ('0' + g_rand_int_range (fill->rng, 0, 10)));
  return g_string_free (phone, FALSE);
}

/* baht amounts between 5,000 and 5,000,000, in satang */
static gint64
make_value (Fill *fill)
{
  static const gint64 mantissas[] = { 5, 6, 8, 10, 12, 15, 18, 20, 25, 30, 35, 40, 45, 50 };
  guint r = g_rand_int_range (fill->rng, 0, 100);
  gint64 unit = r < 35 ? 1000 : r < 82 ? 10000 : 100000;
  gint64 baht = PICK (fill, mantissas) * unit;

  if (chance (fill, 20))
    baht += unit / 2;
  return CLAMP (baht, 5000, 5000000) * 100;
}

/* a funnel: earlier steps hold more leads */
static gint
pick_open_step (Fill  *fill,
                guint  n_open)
{
  guint total = 0, r;

  for (guint s = 0; s < n_open; s++)
    total += n_open + 1 - s;
  r = g_rand_int_range (fill->rng, 0, total);
  for (guint s = 0; s < n_open; s++)
    {
      if (r < n_open + 1 - s)
        return (gint) s;
      r -= n_open + 1 - s;
    }
  return (gint) n_open - 1;
}

static guint
pick_pipeline (Fill *fill)
{
  guint r = g_rand_int_range (fill->rng, 0, 100);

  for (guint p = 0; p < N_PIPELINES; p++)
    {
      if (r < pipeline_specs[p].share)
        return p;
      r -= pipeline_specs[p].share;
    }
  return 0;
}

static void
make_lead (Fill     *fill,
           RcrmLead *lead,
           gboolean  unfollowed)
{
  const GivenName *given = &PICK (fill, given_names);
  const Surname *surname = &PICK (fill, surnames);
  guint pipeline = pick_pipeline (fill);
  guint n_steps = fill->pipeline_steps[pipeline];
  const char *title;
  guint kind = g_rand_int_range (fill->rng, 0, 100);

  if (chance (fill, 40))
    title = "คุณ";
  else if (!given->female)
    title = "นาย";
  else
    title = chance (fill, 60) ? "นางสาว" : "นาง";
  lead->name = g_strdup_printf ("%s%s %s", title, given->thai, surname->thai);
  lead->phone = make_phone (fill);

  if (kind < 75)
    {
      /* a company and an address at its domain */
      guint a = g_rand_int_range (fill->rng, 0, G_N_ELEMENTS (company_first));
      guint b = g_rand_int_range (fill->rng, 0, G_N_ELEMENTS (company_second));
      gboolean partnership = chance (fill, 12);

      if (partnership)
        lead->company = g_strdup_printf ("ห้างหุ้นส่วนจำกัด %s %s", company_first[a], company_second[b]);
      else
        lead->company = g_strdup_printf ("บริษัท %s %s จำกัด%s", company_first[a], company_second[b],
                                         chance (fill, 3) ? " (มหาชน)" : "");
      lead->email = g_strdup_printf ("%s.%c@%s-%s.co.th", given->latin, surname->latin[0],
                                     company_latin_first[a], company_latin_second[b]);
      if (chance (fill, 40))
        lead->tax_id = make_tax_id (fill, TRUE);
    }
  else if (kind < 85)
    {
      lead->company = g_strdup (PICK (fill, shops));
      if (chance (fill, 50))
        lead->email = g_strdup_printf ("%s.%s%u@%s", given->latin, surname->latin,
                                       (guint) g_rand_int_range (fill->rng, 1, 100), PICK (fill, personal_domains));
    }
  else
    {
      /* a person buying for themselves */
      lead->email = g_strdup_printf ("%s.%s%u@%s", given->latin, surname->latin,
                                     (guint) g_rand_int_range (fill->rng, 1, 1000), PICK (fill, personal_domains));
      if (chance (fill, 30))
        lead->tax_id = make_tax_id (fill, FALSE);
    }

  lead->source = g_strdup (PICK (fill, lead_sources));
  lead->value = make_value (fill);
  lead->owner_id = chance (fill, 2) ? fill->admin_id : fill->sales_ids[g_rand_int_range (fill->rng, 0, N_SALES)];
  lead->created_by = lead->owner_id;
  lead->pipeline_id = fill->pipeline_ids[pipeline];
  if (unfollowed)
    {
      lead->step = pick_open_step (fill, n_steps - 1);
      lead->unfollowed = TRUE;
      lead->unfollow_reason = g_strdup (PICK (fill, unfollow_reasons));
    }
  else if (chance (fill, 12))
    lead->step = (gint) n_steps - 1;          /* closed */
  else
    lead->step = pick_open_step (fill, n_steps - 1);

  if (chance (fill, 12))
    {
      gint64 label_id = fill->label_ids[g_rand_int_range (fill->rng, 0, N_LABELS)];

      g_array_append_val (lead->label_ids, label_id);
    }
}

static gboolean
fill_people (Fill        *fill,
             const char  *password,
             GError     **error)
{
  g_autoptr(RcrmUser) admin = NULL;
  g_autofree char *hash = NULL;
  gint64 team_ids[N_TEAMS];

  admin = rcrm_store_user_get_by_username (fill->store, "admin", error);
  if (admin == NULL)
    return FALSE;
  fill->admin_id = admin->id;

  /* one argon2id hash (~0.1 s) for every salesperson */
  hash = rcrm_password_hash (password, error);
  if (hash == NULL)
    return FALSE;

  for (guint t = 0; t < N_TEAMS; t++)
    {
      g_autoptr(RcrmTeam) team = rcrm_team_new ();

      team->name = g_strdup (team_names[t]);
      if (!rcrm_store_team_insert (fill->store, team, error))
        return FALSE;
      team_ids[t] = team->id;
    }

  for (guint u = 0; u < N_SALES; u++)
    {
      g_autoptr(RcrmUser) user = rcrm_user_new ();
      const GivenName *given = &given_names[(u * 7) % G_N_ELEMENTS (given_names)];
      const Surname *surname = &surnames[(u * 11) % G_N_ELEMENTS (surnames)];

      user->username = g_strdup_printf ("sales%02u", u + 1);
      user->display_name = g_strdup_printf ("%s %s", given->thai, surname->thai);
      user->role = g_strdup ("user");
      user->team_id = team_ids[u % N_TEAMS];
      user->phone = g_strdup_printf ("+668%08u", 10000000 + u);
      user->email = g_strdup_printf ("%s.%c@rcrm-bench.co.th", given->latin, surname->latin[0]);
      user->password_hash = g_strdup (hash);
      user->active = TRUE;
      if (!rcrm_store_user_insert (fill->store, user, error))
        return FALSE;
      fill->sales_ids[u] = user->id;
    }

  return TRUE;
}

static gboolean
fill_pipelines_and_labels (Fill    *fill,
                           GError **error)
{
  g_autoptr(RcrmPipeline) standard = rcrm_store_pipeline_get_standard (fill->store, error);

  if (standard == NULL)
    return FALSE;
  fill->pipeline_ids[0] = standard->id;
  fill->pipeline_steps[0] = rcrm_pipeline_n_steps (standard);

  for (guint p = 1; p < N_PIPELINES; p++)
    {
      g_autoptr(RcrmPipeline) pipeline = rcrm_pipeline_new ();

      pipeline->name = g_strdup (pipeline_specs[p].name);
      pipeline->steps = g_strdupv ((char **) pipeline_specs[p].steps);
      if (!rcrm_store_pipeline_insert (fill->store, pipeline, error))
        return FALSE;
      fill->pipeline_ids[p] = pipeline->id;
      fill->pipeline_steps[p] = rcrm_pipeline_n_steps (pipeline);
    }

  for (guint i = 0; i < N_LABELS; i++)
    {
      g_autoptr(RcrmLabel) label = rcrm_label_new ();

      label->name = g_strdup (label_specs[i].name);
      label->color = g_strdup (label_specs[i].color);
      label->kind = g_strdup ("system");
      if (!rcrm_store_label_insert (fill->store, label, error))
        return FALSE;
      fill->label_ids[i] = label->id;
    }

  return TRUE;
}

static void
set_clock (Fill   *fill,
           gint64  unix_time)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_utc (unix_time);
  g_autofree char *text = g_date_time_format (when, "%Y-%m-%dT%H:%M:%SZ");

  rcrm_store_set_clock (fill->store, text);
}

/* as POST /leads at a moment of the last two years: the lead, its "created"
 * entry and perhaps a note later on */
static gboolean
insert_lead (Fill      *fill,
             RcrmLead  *lead,
             gint64     now,
             gboolean   timeline,
             GError   **error)
{
  g_autoptr(RcrmTimelineEntry) entry = NULL;
  gint64 created = now - g_rand_int_range (fill->rng, 3600, 730 * 24 * 3600);

  set_clock (fill, created);
  if (!rcrm_store_lead_insert (fill->store, lead, error))
    return FALSE;
  if (!timeline)
    return TRUE;

  entry = rcrm_timeline_entry_new ();
  entry->lead_id = lead->id;
  entry->actor_id = lead->created_by;
  entry->kind = g_strdup ("created");
  g_free (entry->data_json);
  entry->data_json = g_strdup_printf ("{\"pipeline_id\":%" G_GINT64_FORMAT ",\"step\":%d,\"owner_id\":%"
                                      G_GINT64_FORMAT "}", lead->pipeline_id, lead->step, lead->owner_id);
  if (!rcrm_store_timeline_insert (fill->store, entry, error))
    return FALSE;

  if (chance (fill, 40))
    {
      g_autoptr(RcrmTimelineEntry) note = rcrm_timeline_entry_new ();
      gint64 noted = created + g_rand_int_range (fill->rng, 600, 60 * 24 * 3600);

      /* the note bumps the lead's last_activity_at */
      set_clock (fill, MIN (now, noted));
      note->lead_id = lead->id;
      note->actor_id = lead->owner_id;
      note->kind = g_strdup ("note");
      note->body = g_strdup (PICK (fill, notes));
      if (!rcrm_store_timeline_insert (fill->store, note, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
fill_leads (Fill     *fill,
            guint     n_inbox,
            guint     n_unfollowed,
            guint     batch,
            gboolean  timeline,
            GError  **error)
{
  guint total = n_inbox + n_unfollowed;
  gint64 start = g_get_monotonic_time ();
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  guint done = 0;

  while (done < total)
    {
      guint end = MIN (done + batch, total);

      if (!rcrm_store_begin (fill->store, error))
        return FALSE;
      for (; done < end; done++)
        {
          g_autoptr(RcrmLead) lead = rcrm_lead_new ();

          /* the unfollowed ones spread evenly through the ids */
          make_lead (fill, lead, n_unfollowed > 0 && done % (total / n_unfollowed) == 0
                                 && done / (total / n_unfollowed) < n_unfollowed);
          if (!insert_lead (fill, lead, now, timeline, error))
            {
              rcrm_store_rollback (fill->store);
              return FALSE;
            }
        }
      rcrm_store_set_clock (fill->store, NULL);
      if (!rcrm_store_commit (fill->store, error))
        return FALSE;

      if (done % (batch * 10) == 0 || done == total)
        {
          double seconds = (g_get_monotonic_time () - start) / 1e6;

          g_printerr ("fill-leads: %u / %u leads, %.1f s, %.0f leads/s\n", done, total, seconds,
                      done / MAX (seconds, 1e-6));
        }
    }
  return TRUE;
}

/* ---- the server's bootstrap ----------------------------------------------------------- */

/* the server's log (a few lines: it fits the pipe, so it is read once the server is gone) */
static char *
read_all (GInputStream *stream)
{
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();

  if (g_output_stream_splice (memory, stream, G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, NULL, NULL) < 0)
    return g_strdup ("");
  g_output_stream_write (memory, "", 1, NULL, NULL);
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (memory));
}

static gboolean
run_bootstrap (const char  *server,
               const char  *database,
               const char  *password,
               GError     **error)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                                                       | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *line = NULL;
  g_autofree char *log = NULL;
  gboolean started;

  g_subprocess_launcher_setenv (launcher, "RCRM_ADMIN_PASSWORD", password, TRUE);
  process = g_subprocess_launcher_spawn (launcher, error, server, "--database", database,
                                         "--listen", "127.0.0.1:0", NULL);
  if (process == NULL)
    return FALSE;

  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
  line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, NULL);
  started = line != NULL && g_str_has_prefix (line, "listening on ");
  if (started)
    g_subprocess_send_signal (process, SIGTERM);
  else
    g_subprocess_force_exit (process);
  if (g_subprocess_wait_check (process, NULL, &local_error) && started)
    return TRUE;

  log = read_all (g_subprocess_get_stderr_pipe (process));
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s %s:\n%s", server,
               !started ? "did not start" : local_error->message, log);
  return FALSE;
}

/* ---- main ---------------------------------------------------------------------------- */

int
main (int   argc,
      char *argv[])
{
  g_autofree char *database = NULL;
  g_autofree char *server = NULL;
  g_autofree char *password = NULL;
  int n_leads = 100000;
  int batch = 2000;
  gboolean no_timeline = FALSE;
  GOptionEntry entries[] = {
    { "database", 0, 0, G_OPTION_ARG_FILENAME, &database, "The new SQLite database (must not exist)", "PATH" },
    { "server", 0, 0, G_OPTION_ARG_FILENAME, &server, "The rcrm-server binary, run once for its bootstrap", "PATH" },
    { "leads", 0, 0, G_OPTION_ARG_INT, &n_leads, "Leads in the inbox (default 100000); 5 % more are unfollowed", "N" },
    { "batch", 0, 0, G_OPTION_ARG_INT, &batch, "Leads per transaction (default 2000)", "N" },
    { "password", 0, 0, G_OPTION_ARG_STRING, &password,
      "Password of admin and of the salespeople sales01…sales24 (default rcrm-bench-password)", "TEXT" },
    { "no-timeline", 0, 0, G_OPTION_ARG_NONE, &no_timeline, "No timeline entries (\"created\", notes)", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— fill an R-CRM database with leads for the benchmarks");
  g_autoptr(GError) error = NULL;
  g_autoptr(RcrmStore) store = NULL;
  Fill fill = { 0 };
  gint64 start;
  guint n_unfollowed;
  GStatBuf st;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("fill-leads: %s\n", error->message);
      return 2;
    }
  if (database == NULL || server == NULL || n_leads < 1 || batch < 1)
    {
      g_printerr ("usage: fill-leads --server PATH/rcrm-server --database PATH [--leads N] [--batch N]\n");
      return 2;
    }
  if (password == NULL)
    password = g_strdup ("rcrm-bench-password");
  if (g_file_test (database, G_FILE_TEST_EXISTS))
    {
      g_printerr ("fill-leads: %s exists; the fill makes a new database\n", database);
      return 1;
    }
  if (!rcrm_auth_init (&error))
    {
      g_printerr ("fill-leads: %s\n", error->message);
      return 1;
    }

  start = g_get_monotonic_time ();
  if (!run_bootstrap (server, database, password, &error))
    {
      g_printerr ("fill-leads: bootstrap with %s failed: %s\n", server, error->message);
      return 1;
    }
  g_printerr ("fill-leads: rcrm-server made the database (%.2f s)\n", (g_get_monotonic_time () - start) / 1e6);

  store = rcrm_store_open (database, &error);
  if (store == NULL)
    {
      g_printerr ("fill-leads: cannot open %s: %s\n", database, error->message);
      return 1;
    }

  fill.store = store;
  fill.rng = g_rand_new_with_seed (SEED);
  n_unfollowed = (guint) n_leads / 20;

  if (!rcrm_store_begin (store, &error)
      || !fill_people (&fill, password, &error)
      || !fill_pipelines_and_labels (&fill, &error)
      || !rcrm_store_commit (store, &error)
      || !fill_leads (&fill, (guint) n_leads, n_unfollowed, (guint) batch, !no_timeline, &error))
    {
      g_printerr ("fill-leads: %s\n", error->message);
      g_rand_free (fill.rng);
      return 1;
    }
  g_rand_free (fill.rng);
  g_clear_pointer (&store, rcrm_store_close);

  if (g_stat (database, &st) != 0)
    st.st_size = 0;
  /* one JSON line for scripts */
  printf ("{\"database\":\"%s\",\"inbox_leads\":%d,\"unfollowed_leads\":%u,\"users\":%d,\"seconds\":%.2f,"
          "\"bytes\":%" G_GINT64_FORMAT "}\n",
          database, n_leads, n_unfollowed, N_SALES + 1, (g_get_monotonic_time () - start) / 1e6,
          (gint64) st.st_size);
  return 0;
}
