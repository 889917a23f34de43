/* rcrm-demo.c — Thai demo data for `rcrm-server --demo`
 *
 * Everything here is made up: companies, people, tax IDs (with correct check
 * digits), phone numbers, e-mail addresses and street addresses.  A GRand with
 * a fixed seed makes every run produce the same data, so screenshots and tests
 * are stable.  The strings are data, not user interface, so they are not
 * marked for translation.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "rcrm-auth.h"
#include "rcrm-core.h"
#include "rcrm-demo.h"
#include "rcrm-validate.h"

#define DEMO_SEED 20261123u

#define N_LEADS     200
#define N_ACCOUNTS  50
#define N_PIPELINES 3     /* the standard one and the two below */

/* ---- people ------------------------------------------------------------------ */

enum { TEAM_BANGKOK, TEAM_NORTH, N_TEAMS };

typedef struct {
  const char *username;
  const char *display_name;
  const char *phone;
  const char *email;
  guint       team;
  gboolean    team_lead;
} DemoUser;

/* the first one is the user the app logs in as in demos */
static const DemoUser demo_users[] = {
  { "somchai", "สมชาย ใจดี",          "+66812345678", "somchai@rcrm-demo.co.th", TEAM_BANGKOK, FALSE },
  { "sudarat", "สุดารัตน์ วงศ์ไทย",      "+66891234567", "sudarat@rcrm-demo.co.th", TEAM_BANGKOK, TRUE },
  { "wichai",  "วิชัย ศรีสมบูรณ์",       "+66861234567", "wichai@rcrm-demo.co.th",  TEAM_NORTH,   TRUE },
  { "nok",     "กนกวรรณ ทองประเสริฐ",  "+66819876543", "nok@rcrm-demo.co.th",     TEAM_BANGKOK, FALSE },
  { "anan",    "อนันต์ แสงอรุณ",        "+66853456789", "anan@rcrm-demo.co.th",    TEAM_NORTH,   FALSE },
  { "malee",   "มาลี คำแก้ว",           "+66874561234", "malee@rcrm-demo.co.th",   TEAM_NORTH,   FALSE },
};

#define N_USERS G_N_ELEMENTS (demo_users)

typedef struct {
  const char *name;
  const char *distribution;
} DemoTeam;

static const DemoTeam demo_teams[N_TEAMS] = {
  [TEAM_BANGKOK] = { "ทีมขายกรุงเทพ",  "round_robin" },
  [TEAM_NORTH]   = { "ทีมขายภาคเหนือ", "none" },
};

typedef struct {
  const char *thai;
  const char *latin;
  gboolean    female;
} DemoGivenName;

/* no สมชาย and no ใจดี: a search for สมชาย finds only the lead "นายสมชายใจดี" */
static const DemoGivenName given_names[] = {
  { "ธนพล", "thanaphon", FALSE },      { "วีระพงษ์", "weerapong", FALSE },
  { "ณัฐวุฒิ", "natthawut", FALSE },     { "กิตติพัฒน์", "kittiphat", FALSE },
  { "อนุชา", "anucha", FALSE },        { "ชัยวัฒน์", "chaiwat", FALSE },
  { "สุรเชษฐ์", "surachet", FALSE },     { "พงศกร", "phongsakorn", FALSE },
  { "ธีรวัฒน์", "theerawat", FALSE },    { "ปิยะ", "piya", FALSE },
  { "เอกชัย", "ekkachai", FALSE },      { "วรวุฒิ", "worawut", FALSE },
  { "ภานุวัฒน์", "phanuwat", FALSE },    { "ศักดิ์ชัย", "sakchai", FALSE },
  { "อภิชาติ", "apichart", FALSE },
  { "วิภาวดี", "wipawadee", TRUE },     { "กมลวรรณ", "kamonwan", TRUE },
  { "ณัฐธิดา", "natthida", TRUE },      { "อรทัย", "orathai", TRUE },
  { "จิราพร", "jiraporn", TRUE },       { "ศิริพร", "siriporn", TRUE },
  { "รัตนา", "rattana", TRUE },         { "ปวีณา", "paweena", TRUE },
  { "ชนิดา", "chanida", TRUE },         { "สุภาวดี", "suphawadee", TRUE },
  { "กัญญารัตน์", "kanyarat", TRUE },    { "นภาพร", "naphaporn", TRUE },
  { "ธิดารัตน์", "thidarat", TRUE },     { "เบญจวรรณ", "benjawan", TRUE },
  { "อัญชลี", "anchalee", TRUE },
};

typedef struct {
  const char *thai;
  const char *latin;
} DemoSurname;

static const DemoSurname surnames[] = {
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
};

static const char * const mobile_prefixes[] = {
  "61", "62", "63", "64", "65", "80", "81", "82", "83", "84", "85", "86", "87", "89",
  "91", "92", "93", "94", "95", "96", "97", "98", "99",
};

static const char * const personal_domains[] = {
  "gmail.com", "gmail.com", "gmail.com", "hotmail.com", "outlook.co.th", "yahoo.com",
};

/* ---- places ------------------------------------------------------------------ */

enum {
  P_BANGKOK, P_CHIANG_MAI, P_CHONBURI, P_KHON_KAEN, P_PHUKET,
  P_KORAT, P_SONGKHLA, P_RAYONG, P_NONTHABURI, N_PROVINCES
};

typedef struct {
  const char *name;         /* as written in an address */
  const char *office;       /* 2-digit registration office in tax IDs */
  const char *area;         /* landline digits after +66: "2", "53", … */
} DemoProvince;

static const DemoProvince provinces[N_PROVINCES] = {
  [P_BANGKOK]     = { "กรุงเทพมหานคร",     "10", "2" },
  [P_CHIANG_MAI]  = { "จังหวัดเชียงใหม่",     "50", "53" },
  [P_CHONBURI]    = { "จังหวัดชลบุรี",       "20", "38" },
  [P_KHON_KAEN]   = { "จังหวัดขอนแก่น",     "40", "43" },
  [P_PHUKET]      = { "จังหวัดภูเก็ต",        "83", "76" },
  [P_KORAT]       = { "จังหวัดนครราชสีมา",   "30", "44" },
  [P_SONGKHLA]    = { "จังหวัดสงขลา",       "90", "74" },
  [P_RAYONG]      = { "จังหวัดระยอง",       "21", "38" },
  [P_NONTHABURI]  = { "จังหวัดนนทบุรี",      "12", "2" },
};

typedef struct {
  guint       province;
  const char *street;       /* road, sub-district, district */
  const char *postcode;
  double      latitude;
  double      longitude;
} DemoPlace;

static const DemoPlace places[] = {
  { P_BANGKOK, "ถนนสุขุมวิท แขวงคลองเตยเหนือ เขตวัฒนา", "10110", 13.7380, 100.5610 },
  { P_BANGKOK, "ถนนสีลม แขวงสุริยวงศ์ เขตบางรัก", "10500", 13.7270, 100.5280 },
  { P_BANGKOK, "ถนนพระราม 9 แขวงห้วยขวาง เขตห้วยขวาง", "10310", 13.7580, 100.5660 },
  { P_BANGKOK, "ถนนรัชดาภิเษก แขวงดินแดง เขตดินแดง", "10400", 13.7700, 100.5720 },
  { P_BANGKOK, "ถนนพหลโยธิน แขวงจตุจักร เขตจตุจักร", "10900", 13.8160, 100.5600 },
  { P_BANGKOK, "ถนนบางนา-ตราด แขวงบางนาใต้ เขตบางนา", "10260", 13.6680, 100.6300 },
  { P_BANGKOK, "ถนนเพชรบุรีตัดใหม่ แขวงมักกะสัน เขตราชเทวี", "10400", 13.7500, 100.5450 },
  { P_BANGKOK, "ถนนลาดพร้าว แขวงวังทองหลาง เขตวังทองหลาง", "10310", 13.7850, 100.6050 },
  { P_CHIANG_MAI, "ถนนนิมมานเหมินท์ ตำบลสุเทพ อำเภอเมืองเชียงใหม่", "50200", 18.7990, 98.9680 },
  { P_CHIANG_MAI, "ถนนช้างคลาน ตำบลช้างคลาน อำเภอเมืองเชียงใหม่", "50100", 18.7830, 99.0000 },
  { P_CHIANG_MAI, "ถนนซุปเปอร์ไฮเวย์ ตำบลป่าตัน อำเภอเมืองเชียงใหม่", "50300", 18.8150, 99.0050 },
  { P_CHIANG_MAI, "ถนนเชียงใหม่-หางดง ตำบลหนองควาย อำเภอหางดง", "50230", 18.7300, 98.9500 },
  { P_CHONBURI, "ถนนสุขุมวิท ตำบลบ้านสวน อำเภอเมืองชลบุรี", "20000", 13.3500, 100.9800 },
  { P_CHONBURI, "ถนนพัทยาสาย 2 ตำบลหนองปรือ อำเภอบางละมุง", "20150", 12.9350, 100.8850 },
  { P_CHONBURI, "ถนนบางนา-ตราด ตำบลดอนหัวฬ่อ อำเภอเมืองชลบุรี", "20000", 13.4200, 101.0300 },
  { P_CHONBURI, "ถนนสุขุมวิท ตำบลศรีราชา อำเภอศรีราชา", "20110", 13.1700, 100.9300 },
  { P_KHON_KAEN, "ถนนมิตรภาพ ตำบลในเมือง อำเภอเมืองขอนแก่น", "40000", 16.4320, 102.8250 },
  { P_KHON_KAEN, "ถนนศรีจันทร์ ตำบลในเมือง อำเภอเมืองขอนแก่น", "40000", 16.4290, 102.8400 },
  { P_KHON_KAEN, "ถนนมะลิวัลย์ ตำบลบ้านเป็ด อำเภอเมืองขอนแก่น", "40000", 16.4500, 102.7900 },
  { P_PHUKET, "ถนนเทพกระษัตรี ตำบลรัษฎา อำเภอเมืองภูเก็ต", "83000", 7.9000, 98.3800 },
  { P_PHUKET, "ถนนราษฎร์อุทิศ 200 ปี ตำบลป่าตอง อำเภอกะทู้", "83150", 7.8960, 98.2970 },
  { P_PHUKET, "ถนนเจ้าฟ้าตะวันออก ตำบลฉลอง อำเภอเมืองภูเก็ต", "83130", 7.8480, 98.3400 },
  { P_KORAT, "ถนนมิตรภาพ ตำบลในเมือง อำเภอเมืองนครราชสีมา", "30000", 14.9800, 102.0900 },
  { P_KORAT, "ถนนสุรนารายณ์ ตำบลในเมือง อำเภอเมืองนครราชสีมา", "30000", 14.9900, 102.1000 },
  { P_SONGKHLA, "ถนนนิพัทธ์อุทิศ 3 ตำบลหาดใหญ่ อำเภอหาดใหญ่", "90110", 7.0050, 100.4700 },
  { P_SONGKHLA, "ถนนกาญจนวนิช ตำบลคอหงส์ อำเภอหาดใหญ่", "90110", 6.9950, 100.4900 },
  { P_RAYONG, "ถนนสุขุมวิท ตำบลเชิงเนิน อำเภอเมืองระยอง", "21000", 12.6850, 101.2700 },
  { P_RAYONG, "ถนนสุขุมวิท ตำบลห้วยโป่ง อำเภอเมืองระยอง", "21150", 12.7100, 101.1500 },
  { P_NONTHABURI, "ถนนแจ้งวัฒนะ ตำบลปากเกร็ด อำเภอปากเกร็ด", "11120", 13.9000, 100.5300 },
  { P_NONTHABURI, "ถนนรัตนาธิเบศร์ ตำบลบางกระสอ อำเภอเมืองนนทบุรี", "11000", 13.8600, 100.5100 },
};

/* ---- accounts and other companies ------------------------------------------ */

typedef enum {
  KIND_COMPANY,         /* บริษัท … จำกัด */
  KIND_PUBLIC,          /* บริษัท … จำกัด (มหาชน) */
  KIND_PARTNERSHIP,     /* ห้างหุ้นส่วนจำกัด … */
  KIND_PERSON,
  KIND_OTHER,           /* shops, clinics, public bodies: no tax ID made up */
} DemoKind;

typedef struct {
  const char *name;
  const char *email;
  DemoKind    kind;
  guint       province;
} DemoAccount;

static const DemoAccount demo_accounts[] = {
  { "บริษัท สยามเทคโนโลยี โซลูชั่นส์ จำกัด", "info@siamtech-solutions.co.th", KIND_COMPANY, P_BANGKOK },
  { "บริษัท กรุงเทพ ออฟฟิศ ซัพพลาย จำกัด", "sales@bkkofficesupply.co.th", KIND_COMPANY, P_BANGKOK },
  { "บริษัท ไทยรุ่งเรือง อุตสาหกรรม จำกัด", "contact@thairungruang-ind.co.th", KIND_COMPANY, P_BANGKOK },
  { "บริษัท เชียงใหม่ ฟู้ดส์ จำกัด", "info@cmfoods.co.th", KIND_COMPANY, P_CHIANG_MAI },
  { "บริษัท อันดามัน ฮอสพิทาลิตี้ จำกัด", "reservation@andaman-hospitality.co.th", KIND_COMPANY, P_PHUKET },
  { "บริษัท อีสาน อะกริ เทรด จำกัด", "info@isan-agritrade.co.th", KIND_COMPANY, P_KHON_KAEN },
  { "บริษัท ชลบุรี โลจิสติกส์ จำกัด", "cs@chonburi-logistics.co.th", KIND_COMPANY, P_CHONBURI },
  { "บริษัท เจริญพัฒนา คอนสตรัคชั่น จำกัด", "info@charoenpattana.co.th", KIND_COMPANY, P_BANGKOK },
  { "บริษัท ศรีสยาม การแพทย์ จำกัด", "purchasing@srisiam-medical.co.th", KIND_COMPANY, P_BANGKOK },
  { "บริษัท บางกอก ดิจิทัล มีเดีย จำกัด", "hello@bangkokdigitalmedia.co.th", KIND_COMPANY, P_BANGKOK },
  { "บริษัท รุ่งโรจน์ ยานยนต์ จำกัด", "info@rungroj-auto.co.th", KIND_COMPANY, P_KORAT },
  { "บริษัท เอเชีย แพคเกจจิ้ง จำกัด", "sales@asia-packaging.co.th", KIND_COMPANY, P_CHONBURI },
  { "บริษัท ล้านนา คอฟฟี่ จำกัด", "order@lannacoffee.co.th", KIND_COMPANY, P_CHIANG_MAI },
  { "บริษัท ภูเก็ต มารีน เซอร์วิส จำกัด", "info@phuketmarine.co.th", KIND_COMPANY, P_PHUKET },
  { "บริษัท โคราช ค้าวัสดุ จำกัด", "sales@korat-material.co.th", KIND_COMPANY, P_KORAT },
  { "บริษัท หาดใหญ่ อิเล็กทรอนิกส์ จำกัด", "info@hatyai-electronics.co.th", KIND_COMPANY, P_SONGKHLA },
  { "บริษัท ระยอง ปิโตรเคมีคอล เซอร์วิส จำกัด", "contact@rayong-petroservice.co.th", KIND_COMPANY, P_RAYONG },
  { "บริษัท นนทบุรี การพิมพ์ จำกัด", "print@nonthaburiprinting.co.th", KIND_COMPANY, P_NONTHABURI },
  { "บริษัท ทองไทย เทรดดิ้ง จำกัด", "info@thongthai-trading.co.th", KIND_COMPANY, P_BANGKOK },
  { "บริษัท สุขสวัสดิ์ เฮลท์แคร์ จำกัด", "info@suksawat-healthcare.co.th", KIND_COMPANY, P_BANGKOK },
  { "บริษัท มั่นคง เอ็นจิเนียริ่ง จำกัด", "eng@mankhong-eng.co.th", KIND_COMPANY, P_CHONBURI },
  { "บริษัท ไทย สมาร์ท ฟาร์ม จำกัด", "info@thaismartfarm.co.th", KIND_COMPANY, P_KHON_KAEN },
  { "บริษัท เอเวอร์กรีน โฮเทล แอนด์ รีสอร์ท จำกัด", "gm@evergreen-resort.co.th", KIND_COMPANY, P_PHUKET },
  { "บริษัท สยาม คลีน เอนเนอร์ยี่ จำกัด (มหาชน)", "ir@siamcleanenergy.co.th", KIND_PUBLIC, P_BANGKOK },
  { "บริษัท แสงทอง อิมพอร์ต เอ็กซ์ปอร์ต จำกัด", "trade@saengthong-ie.co.th", KIND_COMPANY, P_BANGKOK },
  { "บริษัท วัฒนา เฟอร์นิเจอร์ จำกัด", "sales@wattana-furniture.co.th", KIND_COMPANY, P_NONTHABURI },
  { "บริษัท บ้านสวน เรียลเอสเตท จำกัด", "info@bansuan-realestate.co.th", KIND_COMPANY, P_CHIANG_MAI },
  { "บริษัท ไทยเจริญ ฟาร์มาซี จำกัด", "order@thaicharoen-pharmacy.co.th", KIND_COMPANY, P_BANGKOK },
  { "บริษัท ดับเบิ้ลเอ็ม ซอฟต์แวร์ จำกัด", "contact@mm-software.co.th", KIND_COMPANY, P_BANGKOK },
  { "บริษัท แม่ปิง พาร์ท แมนูแฟคเจอริ่ง จำกัด", "info@maeping-parts.co.th", KIND_COMPANY, P_CHIANG_MAI },
  { "บริษัท อุดมสุข ฟู้ด แอนด์ เบเวอเรจ จำกัด", "info@udomsuk-fb.co.th", KIND_COMPANY, P_BANGKOK },
  { "บริษัท ไพศาล ออโต้ พาร์ท จำกัด", "sales@paisal-autoparts.co.th", KIND_COMPANY, P_KHON_KAEN },
  { "บริษัท กรีนวิลล์ การ์เด้น จำกัด", "info@greenville-garden.co.th", KIND_COMPANY, P_BANGKOK },
  { "บริษัท เอ็มไพร์ เซอร์วิส แอนด์ คอนซัลติ้ง จำกัด", "contact@empire-consulting.co.th", KIND_COMPANY, P_BANGKOK },
  { "บริษัท ทะเลทอง ซีฟู้ด จำกัด", "export@thalethong-seafood.co.th", KIND_COMPANY, P_SONGKHLA },
  { "บริษัท นครชัย ขนส่ง จำกัด", "booking@nakhonchai-transport.co.th", KIND_COMPANY, P_KORAT },
  { "บริษัท ไทยโปรดักส์ พลาสติก จำกัด", "sales@thaiproducts-plastic.co.th", KIND_COMPANY, P_RAYONG },
  { "บริษัท พรีเมียร์ เอ็ดดูเคชั่น จำกัด", "admin@premier-education.co.th", KIND_COMPANY, P_BANGKOK },
  { "บริษัท เอ็กซ์เซลเลนท์ บิวตี้ จำกัด", "info@excellent-beauty.co.th", KIND_COMPANY, P_BANGKOK },
  { "บริษัท ซีเอ็นพี อินดัสตรี้ จำกัด", "purchase@cnp-industry.co.th", KIND_COMPANY, P_CHONBURI },
  { "บริษัท ไทยแลนด์ ทราเวล เซ็นเตอร์ จำกัด", "booking@thailandtravelcenter.co.th", KIND_COMPANY, P_BANGKOK },
  { "บริษัท ไทยเมดิคอล ซัพพลาย จำกัด (มหาชน)", "procurement@thaimedicalsupply.co.th", KIND_PUBLIC, P_BANGKOK },
  { "ห้างหุ้นส่วนจำกัด ทรัพย์เจริญ ก่อสร้าง", "sapcharoen.construction@gmail.com", KIND_PARTNERSHIP, P_CHONBURI },
  { "ห้างหุ้นส่วนจำกัด ขอนแก่น วัสดุภัณฑ์", "kk.material@gmail.com", KIND_PARTNERSHIP, P_KHON_KAEN },
  { "ห้างหุ้นส่วนจำกัด ภูเก็ต ทัวร์ แอนด์ ทรานสปอร์ต", "phuket.tour.transport@gmail.com", KIND_PARTNERSHIP, P_PHUKET },
  { "ห้างหุ้นส่วนจำกัด ดอยสุเทพ การเกษตร", "doisuthep.agri@gmail.com", KIND_PARTNERSHIP, P_CHIANG_MAI },
  { "ห้างหุ้นส่วนจำกัด หาดใหญ่ เครื่องเย็น", "hatyai.cooling@hotmail.com", KIND_PARTNERSHIP, P_SONGKHLA },
  { "นายประเสริฐ ศรีสุข", "prasert.srisuk@gmail.com", KIND_PERSON, P_BANGKOK },
  { "นางสาวพิมพ์ชนก แก้วมณี", "pimchanok.kaew@hotmail.com", KIND_PERSON, P_BANGKOK },
  { "นายธนากร บุญมา", "thanakorn.boonma@gmail.com", KIND_PERSON, P_KHON_KAEN },
};

G_STATIC_ASSERT (G_N_ELEMENTS (demo_accounts) == N_ACCOUNTS);

/* companies of leads that are not (yet) linked to an account */
typedef struct {
  const char *name;
  const char *domain;       /* NULL: its people use personal addresses */
  DemoKind    kind;
  gboolean    government;
} DemoCompany;

static const DemoCompany demo_companies[] = {
  { "บริษัท พัฒนาการ ดีไซน์ สตูดิโอ จำกัด", "phatthanakan-design.co.th", KIND_COMPANY, FALSE },
  { "บริษัท นิวไลฟ์ เวลเนส จำกัด", "newlife-wellness.co.th", KIND_COMPANY, FALSE },
  { "บริษัท ศรีอยุธยา ค้าข้าว จำกัด", "sriayutthaya-rice.co.th", KIND_COMPANY, FALSE },
  { "บริษัท ไอคอนิค เอเจนซี่ จำกัด", "iconic-agency.co.th", KIND_COMPANY, FALSE },
  { "บริษัท บลูโอเชี่ยน ฟิชเชอรี่ จำกัด", "blueocean-fishery.co.th", KIND_COMPANY, FALSE },
  { "บริษัท สตาร์ อีเวนท์ ออแกไนเซอร์ จำกัด", "star-event.co.th", KIND_COMPANY, FALSE },
  { "บริษัท ไทยวัฒนา โพลีเมอร์ จำกัด", "thaiwattana-polymer.co.th", KIND_COMPANY, FALSE },
  { "บริษัท ดีดี ลอจิสติกส์ จำกัด", "dd-logistics.co.th", KIND_COMPANY, FALSE },
  { "บริษัท ราชพฤกษ์ การ์เมนต์ จำกัด", "ratchaphruek-garment.co.th", KIND_COMPANY, FALSE },
  { "บริษัท เมืองทอง คาร์ เซ็นเตอร์ จำกัด", "muangthong-car.co.th", KIND_COMPANY, FALSE },
  { "บริษัท ซันไรส์ พร็อพเพอร์ตี้ จำกัด", "sunrise-property.co.th", KIND_COMPANY, FALSE },
  { "บริษัท กาญจนา สเตนเลส จำกัด", "kanchana-stainless.co.th", KIND_COMPANY, FALSE },
  { "บริษัท เอ็นเอส ไอที เซอร์วิส จำกัด", "ns-itservice.co.th", KIND_COMPANY, FALSE },
  { "บริษัท ไทยเฮิร์บ ฟาร์มา จำกัด", "thaiherb-pharma.co.th", KIND_COMPANY, FALSE },
  { "บริษัท สวนผึ้ง เบเกอรี่ จำกัด", "suanphueng-bakery.co.th", KIND_COMPANY, FALSE },
  { "บริษัท ชัยพฤกษ์ คอนกรีต จำกัด", "chaiyaphruek-concrete.co.th", KIND_COMPANY, FALSE },
  { "บริษัท เค.พี. เทรดดิ้ง จำกัด", "kp-trading.co.th", KIND_COMPANY, FALSE },
  { "ห้างหุ้นส่วนจำกัด นำโชค การไฟฟ้า", NULL, KIND_PARTNERSHIP, FALSE },
  { "ห้างหุ้นส่วนจำกัด สมบูรณ์ ออโต้ แคร์", NULL, KIND_PARTNERSHIP, FALSE },
  { "ห้างหุ้นส่วนจำกัด เพชรเกษม ค้าไม้", NULL, KIND_PARTNERSHIP, FALSE },
  { "ร้านแสงเจริญ การช่าง", NULL, KIND_OTHER, FALSE },
  { "คลินิกทันตกรรมยิ้มสวย", NULL, KIND_OTHER, FALSE },
  { "องค์การบริหารส่วนตำบลหนองบัว", NULL, KIND_OTHER, TRUE },
  { "โรงพยาบาลส่งเสริมสุขภาพตำบลบ้านใหม่", NULL, KIND_OTHER, TRUE },
  { "โรงเรียนวัดบ้านใหม่", NULL, KIND_OTHER, TRUE },
};

/* ---- pipelines, labels, leads ----------------------------------------------- */

typedef struct {
  const char *name;
  const char *steps[11];
} DemoPipeline;

static const DemoPipeline demo_pipelines[N_PIPELINES - 1] = {
  { "งานโครงการ",
    { "สำรวจความต้องการ", "นำเสนอโซลูชัน", "ทดลองใช้", "เจรจาสัญญา", "ปิดการขาย", NULL } },
  { "ต่ออายุสัญญา",
    { "แจ้งเตือนต่ออายุ", "เสนอราคาใหม่", "ปิดการขาย", NULL } },
};

/* leads per pipeline (standard, งานโครงการ, ต่ออายุสัญญา): 20 % closed,
 * 10 % unfollowed, the rest in progress */
static const guint plan_total[N_PIPELINES]      = { 120, 50, 30 };
static const guint plan_closed[N_PIPELINES]     = { 24, 10, 6 };
static const guint plan_unfollowed[N_PIPELINES] = { 12, 5, 3 };

enum { LABEL_VIP, LABEL_URGENT, LABEL_GOVERNMENT, N_SYSTEM_LABELS };
enum { LABEL_CALL_BACK, LABEL_OLD_CUSTOMER, N_PERSONAL_LABELS };

typedef struct {
  const char *name;
  const char *color;
} DemoLabel;

static const DemoLabel system_labels[N_SYSTEM_LABELS] = {
  [LABEL_VIP]        = { "ลูกค้า VIP",  "#e01b24" },
  [LABEL_URGENT]     = { "งานเร่งด่วน", "#ff7800" },
  [LABEL_GOVERNMENT] = { "ภาครัฐ",     "#3584e4" },
};

/* somchai's own labels */
static const DemoLabel personal_labels[N_PERSONAL_LABELS] = {
  [LABEL_CALL_BACK]    = { "โทรกลับสัปดาห์นี้", "#2ec27e" },
  [LABEL_OLD_CUSTOMER] = { "ลูกค้าเก่า",        "#9141ac" },
};

/* the default settings.lead_sources */
static const char * const lead_sources[] = {
  "เว็บไซต์", "โทรศัพท์", "LINE", "Facebook", "งานแสดงสินค้า", "ลูกค้าแนะนำ",
};

/* the default settings.unfollow_reasons */
static const char * const unfollow_reasons[] = {
  "ลูกค้าไม่มีงบประมาณ", "เลือกคู่แข่ง", "ติดต่อไม่ได้", "ยังไม่พร้อมซื้อ", "ข้อมูลไม่ถูกต้อง",
};

/* follow-up notes written at the first step */
static const char * const notes_early[] = {
  "โทรแนะนำตัวแล้ว ลูกค้าสนใจ ขอรายละเอียดเพิ่มเติมทางอีเมล",
  "ส่งโบรชัวร์และรายการสินค้าทางอีเมลแล้ว",
  "นัดเข้าพบที่สำนักงานวันอังคาร",
  "โทรไม่ติด ส่งข้อความทาง LINE ไว้แล้ว",
  "พบลูกค้าที่งานแสดงสินค้า แลกนามบัตรแล้ว",
  "ลูกค้าขอให้ติดต่อกลับหลังประชุมผู้บริหารสัปดาห์หน้า",
};

/* … at a later step that is not the last */
static const char * const notes_middle[] = {
  "โทรติดตามแล้ว ลูกค้าขอใบเสนอราคาภายในวันศุกร์",
  "ส่งใบเสนอราคาทางอีเมลแล้ว รอลูกค้าตอบกลับ",
  "ลูกค้าเปรียบเทียบราคากับอีกสองเจ้า ขอให้ทบทวนราคา",
  "ลูกค้าขอส่วนลดเพิ่ม 5% หากสั่งซื้อภายในเดือนนี้",
  "เข้าพบฝ่ายจัดซื้อแล้ว ต้องรออนุมัติจากผู้บริหารก่อน",
  "สาธิตการใช้งานให้ทีมลูกค้า 6 ท่าน ได้รับความสนใจดี",
  "ลูกค้าขอเงื่อนไขเครดิต 60 วัน",
  "ปรับใบเสนอราคาตามจำนวนใหม่และส่งให้ลูกค้าแล้ว",
  "ลูกค้าแจ้งว่างบประมาณจะอนุมัติไตรมาสหน้า",
  "ลูกค้าขอเลื่อนนัดเป็นสัปดาห์หน้า",
  "ประชุมออนไลน์กับผู้จัดการฝ่ายไอที สรุปขอบเขตงานได้แล้ว",
  "ส่งตัวอย่างสินค้าให้ทดลองใช้ 2 สัปดาห์",
};

/* … after winning */
static const char * const notes_won[] = {
  "ลูกค้ายืนยันการสั่งซื้อ ได้รับใบสั่งซื้อ (PO) แล้ว",
  "ส่งมอบสินค้าครบถ้วน ลูกค้าเซ็นรับเรียบร้อย",
  "ออกใบแจ้งหนี้แล้ว ครบกำหนดชำระ 30 วัน",
  "ลูกค้าชำระเงินแล้ว ขอบคุณสำหรับการสั่งซื้อ",
};

/* ---- the generator ----------------------------------------------------------- */

typedef struct {
  guint         pipeline;       /* index into DemoFill.pipelines */
  gint          step;
  RcrmLeadState state;
} LeadPlan;

typedef struct {
  RcrmStore    *store;
  GRand        *rng;
  GDateTime    *now;          /* when the fill runs */
  GDateTime    *clock;        /* the time the store stamps on the lead being written */
  gint64        admin_id;
  const char   *password_hash;
  gint64        user_ids[N_USERS];
  gint64        team_ids[N_TEAMS];
  RcrmPipeline *pipelines[N_PIPELINES];     /* the standard one first */
  RcrmAccount  *accounts[N_ACCOUNTS];       /* in demo_accounts order */
  GArray       *sold;                       /* guint: indexes of sold accounts */
  guint         next_sold;
  gint64        system_label_ids[N_SYSTEM_LABELS];
  gint64        personal_label_ids[N_PERSONAL_LABELS];
  GHashTable   *taken;                      /* phones, e-mails and tax IDs in use */
  guint         n_leads;
  guint         n_timeline;
} DemoFill;

#define PICK(fill, array) ((array)[g_rand_int_range ((fill)->rng, 0, G_N_ELEMENTS (array))])

static gboolean
chance (DemoFill *fill,
        guint     percent)
{
  return (guint) g_rand_int_range (fill->rng, 0, 100) < percent;
}

static void
demo_fill_clear (DemoFill *fill)
{
  g_clear_pointer (&fill->rng, g_rand_free);
  g_clear_pointer (&fill->now, g_date_time_unref);
  g_clear_pointer (&fill->clock, g_date_time_unref);
  rcrm_store_set_clock (fill->store, NULL);
  for (guint i = 0; i < N_PIPELINES; i++)
    g_clear_pointer (&fill->pipelines[i], rcrm_pipeline_free);
  for (guint i = 0; i < N_ACCOUNTS; i++)
    g_clear_pointer (&fill->accounts[i], rcrm_account_free);
  g_clear_pointer (&fill->sold, g_array_unref);
  g_clear_pointer (&fill->taken, g_hash_table_unref);
}

/* Takes ownership of value; FALSE (and frees it) when already in use. */
static gboolean
take_unique (DemoFill *fill,
             char     *value)
{
  if (g_hash_table_contains (fill->taken, value))
    {
      g_free (value);
      return FALSE;
    }
  g_hash_table_add (fill->taken, value);
  return TRUE;
}

/* The Thai tax ID check digit: d13 = (11 − Σ d_i × (14 − i) mod 11) mod 10. */
static char
tax_id_check_digit (const char *digits12)
{
  guint sum = 0;

  for (guint i = 0; i < 12; i++)
    sum += (guint) (digits12[i] - '0') * (13 - i);
  return (char) ('0' + (11 - sum % 11) % 10);
}

/* A 13-digit ID starting with prefix (at most 12 digits), random digits up
 * to 12, then the check digit; unique within the demo. */
static char *
make_tax_id (DemoFill   *fill,
             const char *prefix)
{
  for (;;)
    {
      char digits[14];
      gsize n = strlen (prefix);

      g_assert (n <= 12);
      memcpy (digits, prefix, n);
      for (; n < 12; n++)
        digits[n] = (char) ('0' + g_rand_int_range (fill->rng, 0, 10));
      digits[12] = tax_id_check_digit (digits);
      digits[13] = '\0';
      if (take_unique (fill, g_strdup (digits)))
        return g_strdup (digits);
    }
}

/* juristic person: 0, registration office, type, Buddhist year (3 digits), serial */
static char *
make_company_tax_id (DemoFill *fill,
                     DemoKind  kind,
                     guint     province)
{
  char type = kind == KIND_PUBLIC ? '7' : kind == KIND_PARTNERSHIP ? '3' : '5';
  g_autofree char *prefix = g_strdup_printf ("0%s%c5%02d", provinces[province].office, type,
                                             g_rand_int_range (fill->rng, 30, 67));

  return make_tax_id (fill, prefix);
}

static char *
make_person_tax_id (DemoFill *fill,
                    guint     province)
{
  g_autofree char *prefix = g_strdup_printf ("%c%s", chance (fill, 70) ? '1' : '3',
                                             provinces[province].office);

  return make_tax_id (fill, prefix);
}

/* "+66" + prefix + random digits up to national_len digits; unique */
static char *
make_phone (DemoFill   *fill,
            const char *prefix,
            guint       national_len)
{
  for (;;)
    {
      GString *phone = g_string_new ("+66");
      char *text;

      g_string_append (phone, prefix);
      /* no 0 right after the area code: it reads like a trunk prefix */
      g_string_append_c (phone, (char) ('1' + g_rand_int_range (fill->rng, 0, 9)));
      while (phone->len < 3 + national_len)
        g_string_append_c (phone, (char) ('0' + g_rand_int_range (fill->rng, 0, 10)));
      text = g_string_free (phone, FALSE);
      if (take_unique (fill, g_strdup (text)))
        return text;
      g_free (text);
    }
}

static char *
make_mobile (DemoFill *fill)
{
  return make_phone (fill, PICK (fill, mobile_prefixes), 9);
}

static char *
make_landline (DemoFill *fill,
               guint     province)
{
  return make_phone (fill, provinces[province].area, 8);
}

/* local@domain in lower case, with a number added when already in use */
static char *
make_email (DemoFill   *fill,
            const char *local,
            const char *domain)
{
  for (guint n = 1; ; n++)
    {
      g_autofree char *email = NULL;
      char *lower;

      if (n == 1)
        email = g_strdup_printf ("%s@%s", local, domain);
      else
        email = g_strdup_printf ("%s%u@%s", local, n, domain);
      lower = g_ascii_strdown (email, -1);
      if (take_unique (fill, g_strdup (lower)))
        return lower;
      g_free (lower);
    }
}

/* a contact person: "นายธนพล มีสุข" or "คุณวิภาวดี ศรีสุข" and an e-mail at
 * domain (NULL = a personal mailbox) */
static void
make_person (DemoFill  *fill,
             const char *domain,
             char      **name,
             char      **email)
{
  const DemoGivenName *given = &PICK (fill, given_names);
  const DemoSurname *surname = &PICK (fill, surnames);
  const char *title;

  if (chance (fill, 40))
    title = "คุณ";
  else if (!given->female)
    title = "นาย";
  else
    title = chance (fill, 60) ? "นางสาว" : "นาง";
  *name = g_strdup_printf ("%s%s %s", title, given->thai, surname->thai);

  if (domain != NULL)
    {
      g_autofree char *local = g_strdup_printf ("%s.%c", given->latin, surname->latin[0]);

      *email = make_email (fill, local, domain);
    }
  else
    {
      g_autofree char *local = g_strdup_printf ("%s.%s", given->latin, surname->latin);

      *email = make_email (fill, local, PICK (fill, personal_domains));
    }
}

static char *
make_address (DemoFill        *fill,
              const DemoPlace *place)
{
  g_autofree char *number = NULL;

  if (chance (fill, 50))
    number = g_strdup_printf ("%d/%d", g_rand_int_range (fill->rng, 1, 400), g_rand_int_range (fill->rng, 1, 120));
  else
    number = g_strdup_printf ("%d", g_rand_int_range (fill->rng, 1, 1500));
  return g_strdup_printf ("%s %s %s %s", number, place->street,
                          provinces[place->province].name, place->postcode);
}

static const DemoPlace *
pick_place (DemoFill *fill,
            guint     province)
{
  guint n = 0;
  const DemoPlace *chosen = NULL;

  /* reservoir sampling over the places of the province */
  for (guint i = 0; i < G_N_ELEMENTS (places); i++)
    if (places[i].province == province && g_rand_int_range (fill->rng, 0, ++n) == 0)
      chosen = &places[i];
  g_assert (chosen != NULL);
  return chosen;
}

/* round-ish baht amounts between 5,000 and 5,000,000, in satang */
static gint64
make_value (DemoFill *fill)
{
  static const gint64 mantissas[] = { 5, 6, 8, 10, 12, 15, 18, 20, 25, 30, 35, 40, 45, 50 };
  gint64 unit, baht;
  guint r = g_rand_int_range (fill->rng, 0, 100);

  unit = r < 35 ? 1000 : r < 82 ? 10000 : 100000;
  baht = PICK (fill, mantissas) * unit;
  if (chance (fill, 20))
    baht += unit / 2;
  return CLAMP (baht, 5000, 5000000) * 100;
}

static gint
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static gint
compare_gint (gconstpointer a,
              gconstpointer b)
{
  return *(const gint *) a - *(const gint *) b;
}

/* takes the object; returns its JSON text */
static char *
json_text (JsonObject *object)
{
  g_autoptr (JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  g_autoptr (JsonGenerator) generator = json_generator_new ();

  json_node_take_object (root, object);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

/* ---- the steps of the fill ----------------------------------------------------- */

static gboolean
fill_users_and_teams (DemoFill  *fill,
                      GError   **error)
{
  g_autoptr (GPtrArray) teams = g_ptr_array_new_with_free_func ((GDestroyNotify) rcrm_team_free);

  for (guint t = 0; t < N_TEAMS; t++)
    {
      RcrmTeam *team = rcrm_team_new ();

      g_ptr_array_add (teams, team);
      team->name = g_strdup (demo_teams[t].name);
      g_free (team->distribution);
      team->distribution = g_strdup (demo_teams[t].distribution);
      if (!rcrm_store_team_insert (fill->store, team, error))
        return FALSE;
      fill->team_ids[t] = team->id;
    }

  for (guint u = 0; u < N_USERS; u++)
    {
      const DemoUser *demo = &demo_users[u];
      g_autoptr (RcrmUser) user = rcrm_user_new ();

      user->username = g_strdup (demo->username);
      user->display_name = g_strdup (demo->display_name);
      user->role = g_strdup ("user");
      user->team_id = fill->team_ids[demo->team];
      user->phone = g_strdup (demo->phone);
      user->email = g_strdup (demo->email);
      user->password_hash = g_strdup (fill->password_hash);
      user->active = TRUE;
      if (!rcrm_store_user_insert (fill->store, user, error))
        return FALSE;
      fill->user_ids[u] = user->id;
      g_hash_table_add (fill->taken, g_strdup (demo->phone));
      g_hash_table_add (fill->taken, g_strdup (demo->email));

      if (demo->team_lead)
        {
          RcrmTeam *team = g_ptr_array_index (teams, demo->team);

          team->lead_id = user->id;
          if (!rcrm_store_team_update (fill->store, team, team->version, error))
            return FALSE;
        }
    }

  return TRUE;
}

static gboolean
fill_pipelines (DemoFill  *fill,
                GError   **error)
{
  fill->pipelines[0] = rcrm_store_pipeline_get_standard (fill->store, error);
  if (fill->pipelines[0] == NULL)
    return FALSE;

  for (guint p = 1; p < N_PIPELINES; p++)
    {
      RcrmPipeline *pipeline = rcrm_pipeline_new ();

      fill->pipelines[p] = pipeline;
      pipeline->name = g_strdup (demo_pipelines[p - 1].name);
      pipeline->standard = FALSE;
      pipeline->steps = g_strdupv ((char **) demo_pipelines[p - 1].steps);
      if (!rcrm_store_pipeline_insert (fill->store, pipeline, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
fill_labels (DemoFill  *fill,
             GError   **error)
{
  for (guint i = 0; i < N_SYSTEM_LABELS; i++)
    {
      g_autoptr (RcrmLabel) label = rcrm_label_new ();

      label->name = g_strdup (system_labels[i].name);
      label->color = g_strdup (system_labels[i].color);
      label->kind = g_strdup ("system");
      label->owner_id = 0;
      if (!rcrm_store_label_insert (fill->store, label, error))
        return FALSE;
      fill->system_label_ids[i] = label->id;
    }

  for (guint i = 0; i < N_PERSONAL_LABELS; i++)
    {
      g_autoptr (RcrmLabel) label = rcrm_label_new ();

      label->name = g_strdup (personal_labels[i].name);
      label->color = g_strdup (personal_labels[i].color);
      label->kind = g_strdup ("personal");
      label->owner_id = fill->user_ids[0];
      if (!rcrm_store_label_insert (fill->store, label, error))
        return FALSE;
      fill->personal_label_ids[i] = label->id;
    }

  return TRUE;
}

static gboolean
fill_accounts (DemoFill  *fill,
               GError   **error)
{
  const char *statuses[N_ACCOUNTS];

  /* 15 sold, 20 confirmed, 15 pending, shuffled */
  for (guint i = 0; i < N_ACCOUNTS; i++)
    statuses[i] = i < 15 ? "sold" : i < 35 ? "confirmed" : "pending";
  for (guint i = N_ACCOUNTS - 1; i > 0; i--)
    {
      guint j = g_rand_int_range (fill->rng, 0, i + 1);
      const char *tmp = statuses[i];

      statuses[i] = statuses[j];
      statuses[j] = tmp;
    }

  for (guint i = 0; i < N_ACCOUNTS; i++)
    {
      const DemoAccount *demo = &demo_accounts[i];
      const DemoPlace *place = pick_place (fill, demo->province);
      RcrmAccount *account = rcrm_account_new ();

      fill->accounts[i] = account;
      account->name = g_strdup (demo->name);
      account->address = make_address (fill, place);
      account->province = rcrm_province_from_address (account->address);
      account->email = g_strdup (demo->email);
      g_hash_table_add (fill->taken, g_strdup (demo->email));
      g_free (account->status);
      account->status = g_strdup (statuses[i]);
      account->has_location = TRUE;
      account->latitude = place->latitude + g_rand_double_range (fill->rng, -0.008, 0.008);
      account->longitude = place->longitude + g_rand_double_range (fill->rng, -0.008, 0.008);
      /* somchai owns about a quarter, the others share the rest */
      if (i % 4 == 0)
        account->owner_id = fill->user_ids[0];
      else
        account->owner_id = fill->user_ids[g_rand_int_range (fill->rng, 1, N_USERS)];
      account->favourite = i % 5 == 2;

      if (demo->kind == KIND_PERSON)
        {
          account->tax_id = make_person_tax_id (fill, demo->province);
          account->branch = NULL;
          account->phone = make_mobile (fill);
        }
      else
        {
          account->tax_id = make_company_tax_id (fill, demo->kind, demo->province);
          if (demo->kind != KIND_PARTNERSHIP && chance (fill, 15))
            account->branch = g_strdup_printf ("%05d", g_rand_int_range (fill->rng, 1, 13));
          else
            account->branch = g_strdup ("head_office");
          account->phone = make_landline (fill, demo->province);
        }

      /* a label manager with something to count: every third sold account is VIP
       * (no random draw, so the rest of the demo stays as it was) */
      if (g_str_equal (account->status, "sold") && i % 3 == 0)
        g_array_append_val (account->label_ids, fill->system_label_ids[LABEL_VIP]);

      if (!rcrm_store_account_insert (fill->store, account, error))
        return FALSE;
      if (g_str_equal (account->status, "sold"))
        g_array_append_val (fill->sold, i);
    }

  return TRUE;
}

static gint
pick_open_step (DemoFill *fill,
                guint     n_open)
{
  /* a funnel: earlier steps hold more leads (weights n_open+1, n_open, …, 2) */
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

/* pipeline, step and state of every lead: exact counts, every step of every
 * pipeline used at least once, then shuffled */
static LeadPlan *
make_plans (DemoFill *fill)
{
  LeadPlan *plans = g_new0 (LeadPlan, N_LEADS);
  guint n = 0;

  for (guint p = 0; p < N_PIPELINES; p++)
    {
      guint n_steps = rcrm_pipeline_n_steps (fill->pipelines[p]);
      guint n_open = n_steps - 1;
      guint in_progress = plan_total[p] - plan_closed[p] - plan_unfollowed[p];

      g_assert (n_steps >= 2 && in_progress >= n_open);
      for (guint i = 0; i < plan_closed[p]; i++)
        plans[n++] = (LeadPlan) { p, (gint) n_open, RCRM_LEAD_STATE_CLOSED };
      for (guint i = 0; i < plan_unfollowed[p]; i++)
        plans[n++] = (LeadPlan) { p, pick_open_step (fill, n_open), RCRM_LEAD_STATE_UNFOLLOWED };
      for (guint i = 0; i < in_progress; i++)
        {
          gint step = i < n_open ? (gint) i : pick_open_step (fill, n_open);

          plans[n++] = (LeadPlan) { p, step, RCRM_LEAD_STATE_IN_PROGRESS };
        }
    }
  g_assert (n == N_LEADS);

  for (guint i = N_LEADS - 1; i > 0; i--)
    {
      guint j = g_rand_int_range (fill->rng, 0, i + 1);
      LeadPlan tmp = plans[i];

      plans[i] = plans[j];
      plans[j] = tmp;
    }

  /* the first lead ("นายสมชายใจดี", for the search demo) is in the inbox */
  for (guint i = 0; i < N_LEADS; i++)
    if (plans[i].state == RCRM_LEAD_STATE_IN_PROGRESS)
      {
        LeadPlan tmp = plans[0];

        plans[0] = plans[i];
        plans[i] = tmp;
        break;
      }

  return plans;
}

/* Moves the demo clock to `when` (never past the real now) and stamps the
 * store's next writes with it. */
static void
set_clock (DemoFill  *fill,
           GDateTime *when)
{
  g_autofree char *text = NULL;

  if (g_date_time_compare (when, fill->now) > 0)
    when = fill->now;
  g_date_time_ref (when);
  g_clear_pointer (&fill->clock, g_date_time_unref);
  fill->clock = when;
  text = rcrm_datetime_to_rfc3339 (when);
  rcrm_store_set_clock (fill->store, text);
}

/* a lead's history starts 1–360 days ago */
static void
clock_start_lead (DemoFill *fill)
{
  g_autoptr(GDateTime) when = g_date_time_add_seconds (fill->now,
                                                       -(gdouble) g_rand_int_range (fill->rng, 86400, 360 * 86400));

  set_clock (fill, when);
}

/* a step into the time left until now: later entries come closer together
 * and the history never reaches the present */
static void
clock_advance (DemoFill *fill)
{
  gint64 left = g_date_time_difference (fill->now, fill->clock) / G_TIME_SPAN_SECOND;
  gint64 step = MIN (left / 3, 9 * 86400);
  g_autoptr(GDateTime) when = NULL;

  if (step < 60)
    return;
  when = g_date_time_add_seconds (fill->clock, (gdouble) g_rand_int_range (fill->rng, step / 4, step));
  set_clock (fill, when);
}

static gboolean
add_entry (DemoFill    *fill,
           RcrmLead    *lead,
           const char  *kind,
           const char  *body,
           char        *data_json,   /* owned; NULL = "{}" */
           GError     **error)
{
  g_autoptr (RcrmTimelineEntry) entry = rcrm_timeline_entry_new ();

  if (g_strcmp0 (kind, "created") != 0)
    clock_advance (fill);
  entry->lead_id = lead->id;
  entry->actor_id = lead->owner_id;
  entry->kind = g_strdup (kind);
  entry->body = g_strdup (body);
  if (data_json != NULL)
    {
      g_free (entry->data_json);
      entry->data_json = data_json;
    }
  if (!rcrm_store_timeline_insert (fill->store, entry, error))
    return FALSE;
  fill->n_timeline++;
  return TRUE;
}

static const char *
pick_note (DemoFill   *fill,
           gint        position,
           gint        last_step,
           const char *previous)
{
  const char * const *pool;
  guint n, i;

  if (position == 0)
    pool = notes_early, n = G_N_ELEMENTS (notes_early);
  else if (position == last_step)
    pool = notes_won, n = G_N_ELEMENTS (notes_won);
  else
    pool = notes_middle, n = G_N_ELEMENTS (notes_middle);

  i = g_rand_int_range (fill->rng, 0, n);
  if (pool[i] == previous)
    i = (i + 1) % n;
  return pool[i];
}

/* created at step 0, then step moves one by one with 0–4 notes in between,
 * then the unfollow; event data as the API handlers write it */
static gboolean
fill_timeline (DemoFill  *fill,
               RcrmLead  *lead,
               gint       last_step,
               GError   **error)
{
  gint positions[4];
  guint n_notes = g_rand_int_range (fill->rng, 0, 5);
  const char *previous = NULL;
  JsonObject *data;
  guint k = 0;

  for (guint i = 0; i < n_notes; i++)
    positions[i] = g_rand_int_range (fill->rng, 0, lead->step + 1);
  qsort (positions, n_notes, sizeof positions[0], compare_gint);

  data = json_object_new ();
  json_object_set_int_member (data, "pipeline_id", lead->pipeline_id);
  json_object_set_int_member (data, "step", 0);
  json_object_set_int_member (data, "owner_id", lead->owner_id);
  if (!add_entry (fill, lead, "created", NULL, json_text (data), error))
    return FALSE;

  for (gint s = 0; s <= lead->step; s++)
    {
      for (; k < n_notes && positions[k] == s; k++)
        {
          previous = pick_note (fill, s, last_step, previous);
          if (!add_entry (fill, lead, "note", previous, NULL, error))
            return FALSE;
        }
      if (s < lead->step)
        {
          data = json_object_new ();
          json_object_set_int_member (data, "from", s);
          json_object_set_int_member (data, "to", s + 1);
          if (!add_entry (fill, lead, "step", NULL, json_text (data), error))
            return FALSE;
        }
    }

  if (lead->unfollowed)
    {
      data = json_object_new ();
      json_object_set_string_member (data, "reason", lead->unfollow_reason);
      json_object_set_int_member (data, "step", lead->step);
      if (!add_entry (fill, lead, "unfollowed", NULL, json_text (data), error))
        return FALSE;
    }

  return TRUE;
}

static void
add_label (RcrmLead *lead,
           gint64    label_id)
{
  g_array_append_val (lead->label_ids, label_id);
}

static gboolean
fill_leads (DemoFill  *fill,
            GError   **error)
{
  g_autofree LeadPlan *plans = make_plans (fill);

  for (guint i = 0; i < N_LEADS; i++)
    {
      const LeadPlan *plan = &plans[i];
      const RcrmPipeline *pipeline = fill->pipelines[plan->pipeline];
      gint last_step = (gint) rcrm_pipeline_n_steps (pipeline) - 1;
      g_autoptr (RcrmLead) lead = rcrm_lead_new ();
      const RcrmAccount *account = NULL;
      const DemoAccount *account_demo = NULL;
      const DemoCompany *company = NULL;
      gint a = -1;
      gboolean government = FALSE;

      lead->pipeline_id = pipeline->id;
      lead->step = plan->step;
      lead->unfollowed = plan->state == RCRM_LEAD_STATE_UNFOLLOWED;
      if (lead->unfollowed)
        lead->unfollow_reason = g_strdup (PICK (fill, unfollow_reasons));
      lead->owner_id = i % 10 < 3 ? fill->user_ids[0]
                                  : fill->user_ids[g_rand_int_range (fill->rng, 1, N_USERS)];
      lead->created_by = lead->owner_id;
      lead->source = g_strdup (PICK (fill, lead_sources));
      lead->value = make_value (fill);

      /* won leads belong to an account (R3), every sold account has one;
       * some open leads are new sales to existing accounts (R4) */
      if (plan->state == RCRM_LEAD_STATE_CLOSED && fill->sold->len > 0)
        a = (gint) g_array_index (fill->sold, guint, fill->next_sold++ % fill->sold->len);
      else if (plan->state == RCRM_LEAD_STATE_CLOSED || (i > 0 && chance (fill, 17)))
        a = g_rand_int_range (fill->rng, 0, N_ACCOUNTS);
      if (a >= 0)
        {
          account = fill->accounts[a];
          account_demo = &demo_accounts[a];
        }

      if (account != NULL)
        {
          lead->account_id = account->id;
          lead->tax_id = g_strdup (account->tax_id);
          if (account_demo->kind == KIND_PERSON)
            {
              lead->name = g_strdup (account->name);
              lead->phone = g_strdup (account->phone);
              lead->email = g_strdup (account->email);
            }
          else
            {
              const char *domain = strchr (account->email, '@') + 1;

              if (g_str_equal (domain, "gmail.com") || g_str_equal (domain, "hotmail.com"))
                domain = NULL;

              lead->company = g_strdup (account->name);
              make_person (fill, domain, &lead->name, &lead->email);
              lead->phone = make_mobile (fill);
            }
        }
      else
        {
          if (chance (fill, 70))
            {
              company = &PICK (fill, demo_companies);
              lead->company = g_strdup (company->name);
              government = company->government;
              if ((company->kind == KIND_COMPANY || company->kind == KIND_PARTNERSHIP) && chance (fill, 25))
                lead->tax_id = make_company_tax_id (fill, company->kind,
                                                    g_rand_int_range (fill->rng, 0, N_PROVINCES));
            }
          make_person (fill, company != NULL ? company->domain : NULL, &lead->name, &lead->email);
          lead->phone = make_mobile (fill);
        }

      if (i == 0)
        {
          /* one name without a space, for the "สมชาย finds นายสมชายใจดี" demo */
          g_free (lead->name);
          lead->name = g_strdup ("นายสมชายใจดี");
          g_free (lead->email);
          lead->email = make_email (fill, "somchai.jaidee", "gmail.com");
        }

      /* contact details as people give them: not always both */
      if (account == NULL && lead->email != NULL && chance (fill, 8))
        g_clear_pointer (&lead->phone, g_free);
      else if (lead->phone != NULL && chance (fill, 20))
        g_clear_pointer (&lead->email, g_free);

      if (lead->value >= 100000000 ? chance (fill, 70)
                                   : account != NULL && g_str_equal (account->status, "sold") && chance (fill, 25))
        add_label (lead, fill->system_label_ids[LABEL_VIP]);
      if (plan->state == RCRM_LEAD_STATE_IN_PROGRESS && chance (fill, 12))
        add_label (lead, fill->system_label_ids[LABEL_URGENT]);
      if (government)
        add_label (lead, fill->system_label_ids[LABEL_GOVERNMENT]);
      if (lead->owner_id == fill->user_ids[0])
        {
          if (plan->state == RCRM_LEAD_STATE_IN_PROGRESS && chance (fill, 25))
            add_label (lead, fill->personal_label_ids[LABEL_CALL_BACK]);
          if (account != NULL && chance (fill, 60))
            add_label (lead, fill->personal_label_ids[LABEL_OLD_CUSTOMER]);
        }
      g_array_sort (lead->label_ids, compare_gint64);

      clock_start_lead (fill);
      if (!rcrm_store_lead_insert (fill->store, lead, error))
        return FALSE;
      fill->n_leads++;

      if (!fill_timeline (fill, lead, last_step, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
fill_all (DemoFill  *fill,
          GError   **error)
{
  g_autofree char *details = NULL;

  if (!fill_users_and_teams (fill, error) ||
      !fill_pipelines (fill, error) ||
      !fill_labels (fill, error) ||
      !fill_accounts (fill, error) ||
      !fill_leads (fill, error))
    return FALSE;

  details = g_strdup_printf ("{\"seed\":%u,\"users\":%u,\"teams\":%u,\"pipelines\":%u,\"accounts\":%u,"
                             "\"labels\":%u,\"leads\":%u,\"timeline_entries\":%u}",
                             DEMO_SEED, (guint) N_USERS, (guint) N_TEAMS, (guint) N_PIPELINES - 1,
                             (guint) N_ACCOUNTS, (guint) (N_SYSTEM_LABELS + N_PERSONAL_LABELS),
                             fill->n_leads, fill->n_timeline);
  return rcrm_store_audit_insert (fill->store, fill->admin_id, "demo.fill", "system", 0, details, error);
}

gboolean
rcrm_demo_fill (RcrmStore  *store,
                gint64      admin_id,
                GError    **error)
{
  g_autofree char *password_hash = NULL;
  DemoFill fill = { 0, };
  guint n_users;
  gboolean ok;
  GError *local_error = NULL;

  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (admin_id > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  n_users = rcrm_store_user_count (store, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (n_users > 1)
    {
      g_set_error (error, RCRM_STORE_ERROR, RCRM_STORE_ERROR_EXISTS,
                   "demo data needs a new database, this one already has %u users", n_users);
      return FALSE;
    }

  /* argon2id takes a while: once for every demo user, outside the transaction */
  if (!rcrm_auth_init (error))
    return FALSE;
  password_hash = rcrm_password_hash (RCRM_DEMO_PASSWORD, error);
  if (password_hash == NULL)
    return FALSE;

  fill.store = store;
  fill.rng = g_rand_new_with_seed (DEMO_SEED);
  fill.now = g_date_time_new_now_utc ();
  fill.admin_id = admin_id;
  fill.password_hash = password_hash;
  fill.sold = g_array_new (FALSE, FALSE, sizeof (guint));
  fill.taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (!rcrm_store_begin (store, error))
    {
      demo_fill_clear (&fill);
      return FALSE;
    }

  ok = fill_all (&fill, error) && rcrm_store_commit (store, error);
  if (!ok)
    rcrm_store_rollback (store);
  else
    g_debug ("demo: %u users, %u accounts, %u leads, %u timeline entries",
             (guint) N_USERS, (guint) N_ACCOUNTS, fill.n_leads, fill.n_timeline);

  demo_fill_clear (&fill);
  return ok;
}
