/**
 * The wording of the validator page in English and Khmer: every label of the
 * page, every record type, and every validation rule (a short name and a
 * plain message). The English message of a problem is the report's own (it
 * is more precise: it names the other row, the choices, the ages); the
 * Khmer message is written here per rule, with the same details taken from
 * the problem (the other row and column, the choices, the as-of date).
 * Neither ever contains a value of the file.
 *
 * @since 0.1.0
 */
import type { Registry } from "@homeward/core"
import type { Report, Unusable } from "@homeward/validate"

/**
 * A text in both languages of the page.
 *
 * @since 0.1.0
 */
export interface Text {
  readonly en: string
  readonly km: string
}

/**
 * A language of the page.
 *
 * @since 0.1.0
 */
export type Language = keyof Text

/**
 * The languages of the page, the default (English) first.
 *
 * @since 0.1.0
 */
export const languages: ReadonlyArray<Language> = ["en", "km"]

const t = (en: string, km: string): Text => ({ en, km })

const KHMER_DIGITS = "០១២៣៤៥៦៧៨៩"

/**
 * A number written with Khmer digits (`18` → `១៨`).
 *
 * @example
 * ```ts
 * import { Messages } from "@homeward/validator-web"
 *
 * Messages.khmerDigits(18) // "១៨"
 * ```
 *
 * @since 0.1.0
 */
export const khmerDigits = (n: number | string): string =>
  String(n).replace(/[0-9]/g, (d) => KHMER_DIGITS.charAt(Number(d)))

/**
 * Labels of the page. `{name}` marks a place filled in by {@link label}.
 *
 * @since 0.1.0
 */
export const labels = {
  title: t("Homeward data check", "ការពិនិត្យទិន្នន័យ Homeward"),
  intro: t(
    "Check a CSV, Excel (.xlsx) or JSON file of case data before you import it. The file is read on this computer only: nothing is sent anywhere.",
    "ពិនិត្យឯកសារទិន្នន័យករណី CSV, Excel (.xlsx) ឬ JSON មុនពេលនាំចូល។ ឯកសារត្រូវបានអានតែនៅលើកុំព្យូទ័រនេះប៉ុណ្ណោះ៖ គ្មានអ្វីត្រូវបានផ្ញើទៅកន្លែងណាទេ។"
  ),
  language: t("Language", "ភាសា"),
  file: t("Data file", "ឯកសារទិន្នន័យ"),
  drop: t("Choose a file, or drop it here", "ជ្រើសរើសឯកសារ ឬទម្លាក់វានៅទីនេះ"),
  chosen: t("File: {name}", "ឯកសារ៖ {name}"),
  kind: t("What the file holds", "ឯកសារនេះមានអ្វី"),
  presets: t("Exports of known systems", "ឯកសារនាំចេញពីប្រព័ន្ធដែលស្គាល់"),
  oscar: t("OSCaR client list (Excel export)", "បញ្ជីអតិថិជន OSCaR (ឯកសារនាំចេញ Excel)"),
  primero: t("Primero case export (CSV)", "ករណីនាំចេញពី Primero (CSV)"),
  own: t("My own mapping file (JSON)", "ឯកសារផ្គូផ្គងផ្ទាល់ខ្លួន (JSON)"),
  recordTypes: t("Records of one type, one per row", "កំណត់ត្រាមួយប្រភេទ មួយក្នុងមួយជួរដេក"),
  mappingFile: t("Mapping file", "ឯកសារផ្គូផ្គង"),
  dates: t("How dates with slashes are written", "របៀបសរសេរកាលបរិច្ឆេទដែលមានសញ្ញា /"),
  datesIso: t("Only YYYY-MM-DD (2018-12-31)", "តែ YYYY-MM-DD ប៉ុណ្ណោះ (2018-12-31)"),
  datesDmy: t("Day/month/year (31/12/2018)", "ថ្ងៃ/ខែ/ឆ្នាំ (31/12/2018)"),
  datesMdy: t("Month/day/year (12/31/2018)", "ខែ/ថ្ងៃ/ឆ្នាំ (12/31/2018)"),
  asOf: t("As-of date (no date may be after it)", "កាលបរិច្ឆេទគោល (គ្មានកាលបរិច្ឆេទណាអាចនៅក្រោយវាបានទេ)"),
  check: t("Check the file", "ពិនិត្យឯកសារ"),
  reading: t("Checking… {rows} rows read", "កំពុងពិនិត្យ… បានអាន {rows} ជួរដេក"),
  needFile: t("Choose a data file first.", "សូមជ្រើសរើសឯកសារទិន្នន័យជាមុនសិន។"),
  needMapping: t("Choose your mapping file first.", "សូមជ្រើសរើសឯកសារផ្គូផ្គងរបស់អ្នកជាមុនសិន។"),
  unusable: t("The file cannot be checked", "មិនអាចពិនិត្យឯកសារនេះបានទេ"),
  summary: t("Summary", "សេចក្តីសង្ខេប"),
  rows: t("Rows", "ជួរដេក"),
  valid: t("Valid rows", "ជួរដេកត្រឹមត្រូវ"),
  invalid: t("Rows with errors", "ជួរដេកមានកំហុស"),
  errors: t("Errors", "កំហុស"),
  warnings: t("Warnings", "ការព្រមាន"),
  ok: t("No errors: the file can be imported.", "គ្មានកំហុសទេ៖ ឯកសារនេះអាចនាំចូលបាន។"),
  notOk: t(
    "The file has errors: correct them in the spreadsheet, then check it again.",
    "ឯកសារនេះមានកំហុស៖ សូមកែវានៅក្នុងតារាង រួចពិនិត្យម្តងទៀត។"
  ),
  byColumn: t("Problems by column and rule", "បញ្ហាតាមជួរឈរ និងច្បាប់"),
  problems: t("Problems", "បញ្ហា"),
  fileColumn: t("File", "ឯកសារ"),
  row: t("Row", "ជួរដេក"),
  column: t("Column", "ជួរឈរ"),
  rule: t("Rule", "ច្បាប់"),
  message: t("Message", "សារ"),
  severity: t("Severity", "កម្រិត"),
  count: t("Count", "ចំនួន"),
  error: t("error", "កំហុស"),
  warning: t("warning", "ការព្រមាន"),
  filterColumn: t("Column", "ជួរឈរ"),
  filterRule: t("Rule", "ច្បាប់"),
  filterSeverity: t("Severity", "កម្រិត"),
  filterText: t("Search the messages", "ស្វែងរកក្នុងសារ"),
  all: t("All", "ទាំងអស់"),
  showing: t("Showing {shown} of {total} problems", "បង្ហាញបញ្ហា {shown} ក្នុងចំណោម {total}"),
  more: t("Show more", "បង្ហាញបន្ថែម"),
  noProblems: t("No problems found.", "រកមិនឃើញបញ្ហាទេ។"),
  truncated: t(
    "Only the first {kept} problems are listed; the counts are exact.",
    "បង្ហាញតែបញ្ហា {kept} ដំបូងប៉ុណ្ណោះ៖ ចំនួនសរុបគឺត្រឹមត្រូវ។"
  ),
  downloadCsv: t("Download the problems (CSV)", "ទាញយកបញ្ហា (CSV)"),
  downloadJson: t("Download the report (JSON)", "ទាញយករបាយការណ៍ (JSON)"),
  privacy: t(
    "Values of sensitive fields (names, contacts, addresses, notes) are never shown, nor headers that may be data.",
    "តម្លៃនៃព័ត៌មានសម្ងាត់ (ឈ្មោះ ទំនាក់ទំនង អាសយដ្ឋាន កំណត់សម្គាល់) មិនដែលត្រូវបានបង្ហាញទេ ហើយក្បាលជួរឈរដែលអាចជាទិន្នន័យក៏មិនបង្ហាញដែរ។"
  ),
  offline: t(
    "This page works without internet and never connects to it.",
    "ទំព័រនេះដំណើរការដោយគ្មានអ៊ីនធឺណិត ហើយមិនដែលភ្ជាប់ទៅអ៊ីនធឺណិតទេ។"
  ),
  see: t("see row {row}, column {column}", "សូមមើលជួរដេក {row} ជួរឈរ «{column}»"),
  seeColumn: t("see column {column}", "សូមមើលជួរឈរ «{column}»"),
  inFile: t("in {file}", "ក្នុង {file}")
} as const

/**
 * A label of the page.
 *
 * @since 0.1.0
 */
export type Label = keyof typeof labels

/**
 * A label in a language, with its `{name}` places filled in.
 *
 * @example
 * ```ts
 * import { Messages } from "@homeward/validator-web"
 *
 * Messages.label("reading", "en", { rows: 5000 }) // "Checking… 5000 rows read"
 * ```
 *
 * @since 0.1.0
 */
export const label = (key: Label, lang: Language, values: Readonly<Record<string, string | number>> = {}): string =>
  fill(labels[key][lang], values)

const fill = (template: string, values: Readonly<Record<string, string | number>>): string =>
  template.replace(/\{(\w+)\}/g, (m, k: string) => (Object.hasOwn(values, k) ? String(values[k]) : m))

/**
 * The names of the record types.
 *
 * @since 0.1.0
 */
export const recordTypes: Readonly<Record<Registry.RecordType, Text>> = {
  child: t("Children", "កុមារ"),
  household: t("Households", "គ្រួសារ"),
  institution: t("Institutions", "ស្ថាប័នថែទាំកុមារ"),
  case: t("Cases", "ករណី"),
  assessment: t("Assessments", "ការវាយតម្លៃ"),
  "follow-up-visit": t("Follow-up visits", "ការចុះតាមដាន"),
  "closure-assessment": t("Closure assessments (Form 6)", "ការវាយតម្លៃមុនបិទករណី (ទម្រង់ ៦)"),
  "child-views": t("Children's views", "មតិរបស់កុមារ"),
  "best-interest-determination": t("Best-interest determinations", "ការកំណត់ឧត្តមប្រយោជន៍របស់កុមារ"),
  contact: t("Contacts and visits", "ការទំនាក់ទំនង និងការជួបសួរសុខទុក្ខ"),
  consent: t("Consents", "ការយល់ព្រម"),
  "support-plan": t("Support plans", "ផែនការជំនួយ"),
  "support-payment": t("Support payments", "ការទូទាត់ជំនួយ"),
  "safety-plan": t("Safety plans", "ផែនការសុវត្ថិភាព"),
  "reunification-agreement": t("Reunification agreements", "កិច្ចព្រមព្រៀងបង្រួបបង្រួមគ្រួសារ"),
  "case-conference": t("Case conferences", "សន្និសីទករណី"),
  "care-exception": t("Residential care exceptions (young children)", "ករណីលើកលែងការថែទាំក្នុងមណ្ឌល (កុមារតូច)"),
  "youth-activity": t("Youth activities (work and study)", "សកម្មភាពយុវជន (ការងារ និងការសិក្សា)"),
  "case-event": t("Case events", "ព្រឹត្តិការណ៍ករណី"),
  "policy-profile": t("Policy profiles", "ទម្រង់គោលនយោបាយ")
} as Readonly<Record<Registry.RecordType, Text>>

/**
 * The wording of one rule: a short name, and a plain message in both
 * languages (the English one is used when the report has none).
 *
 * @since 0.1.0
 */
export interface RuleText {
  readonly title: Text
  readonly message: Text
}

const r = (title: Text, message: Text): RuleText => ({ title, message })

/**
 * Every rule a problem can name: the checks of single values (from the
 * record types' Schemas and the coercion of cells), of files, and across
 * rows and files. A test enumerates the rule codes of `@homeward/validate`
 * and `@homeward/core` and fails on one missing here.
 *
 * @since 0.1.0
 */
export const rules: Readonly<Record<string, RuleText>> = {
  required: r(t("Required", "ចាំបាច់"), t("A required value is missing.", "ខ្វះតម្លៃដែលត្រូវតែមាន។")),
  type: r(
    t("Wrong kind of value", "ប្រភេទតម្លៃមិនត្រឹមត្រូវ"),
    t(
      "The value is not of the expected kind (text, number, yes/no, date).",
      "តម្លៃនេះមិនមែនជាប្រភេទដែលរំពឹងទុក (អត្ថបទ លេខ បាទ/ទេ កាលបរិច្ឆេទ) ទេ។"
    )
  ),
  choice: r(
    t("Not one of the choices", "មិនមែនជាជម្រើសក្នុងបញ្ជី"),
    t("The value is not one of the allowed choices.", "តម្លៃនេះមិនមែនជាជម្រើសដែលអនុញ្ញាតទេ។")
  ),
  value: r(
    t("Value not allowed", "តម្លៃមិនអនុញ្ញាត"),
    t("The value is not allowed here.", "តម្លៃនេះមិនត្រូវបានអនុញ្ញាតនៅទីនេះទេ។")
  ),
  check: r(
    t("Check failed", "មិនឆ្លងការត្រួតពិនិត្យ"),
    t("The value does not pass a check of this field.", "តម្លៃនេះមិនឆ្លងការត្រួតពិនិត្យរបស់វាលនេះទេ។")
  ),
  "unexpected-field": r(
    t("Unexpected field", "វាលមិនរំពឹងទុក"),
    t("This field is not part of the record type.", "វាលនេះមិនមែនជាផ្នែកនៃប្រភេទកំណត់ត្រានេះទេ។")
  ),
  unreadable: r(t("Unreadable", "មិនអាចអានបាន"), t("The value could not be read.", "មិនអាចអានតម្លៃនេះបានទេ។")),
  "yes-no": r(
    t("Yes or no", "បាទ/ចាស ឬទេ"),
    t("Expected yes or no (yes/no, true/false, y/n, 1/0).", "ត្រូវតែជា បាទ/ចាស ឬទេ (yes/no, true/false, y/n, 1/0)។")
  ),
  IsoDate: r(
    t("Date", "កាលបរិច្ឆេទ"),
    t(
      "Expected a real calendar date written YYYY-MM-DD (e.g. 2018-12-31); for 31/12/2018 choose how dates with slashes are written.",
      "ត្រូវតែជាកាលបរិច្ឆេទពិតប្រាកដ សរសេរជា YYYY-MM-DD (ឧ. 2018-12-31)។ ចំពោះ 31/12/2018 សូមជ្រើសរើសរបៀបសរសេរកាលបរិច្ឆេទដែលមានសញ្ញា /។"
    )
  ),
  IsoDateTime: r(
    t("Date and time", "កាលបរិច្ឆេទ និងម៉ោង"),
    t(
      "Expected an ISO 8601 timestamp with a time zone, e.g. 2018-12-31T09:30:00Z.",
      "ត្រូវតែជាកាលបរិច្ឆេទ និងម៉ោងតាមស្តង់ដារ ISO 8601 មានល្វែងម៉ោង ឧ. 2018-12-31T09:30:00Z។"
    )
  ),
  Id: r(
    t("Id", "លេខសម្គាល់"),
    t(
      "Expected a pseudonymous id, a code and not a name: 1–64 letters, digits or . _ : - (no spaces).",
      "ជាកូដ មិនមែនឈ្មោះ៖ អក្សរឡាតាំង លេខ ឬ . _ : - ពី ១ ដល់ ៦៤ តួ (គ្មានដកឃ្លា)។"
    )
  ),
  EventId: r(
    t("Event id", "លេខសម្គាល់ព្រឹត្តិការណ៍"),
    t(
      "Expected an event id: a pseudonymous id, optionally followed by # and the event's number in its stream.",
      "ត្រូវតែជាលេខសម្គាល់ព្រឹត្តិការណ៍៖ ជាកូដ ដែលអាចមាន # និងលេខរៀងនៃព្រឹត្តិការណ៍នៅពីក្រោយ។"
    )
  ),
  Text: r(
    t("Text", "អត្ថបទ"),
    t("Expected a non-empty text of at most 2000 characters.", "ត្រូវតែជាអត្ថបទមិនទទេ មិនលើសពី ២០០០ តួអក្សរ។")
  ),
  SensitiveText: r(
    t("Sensitive text", "អត្ថបទសម្ងាត់"),
    t("Expected a non-empty text of at most 2000 characters.", "ត្រូវតែជាអត្ថបទមិនទទេ មិនលើសពី ២០០០ តួអក្សរ។")
  ),
  isInt: r(t("Whole number", "ចំនួនគត់"), t("Expected a whole number.", "ត្រូវតែជាចំនួនគត់។")),
  isFinite: r(t("Number", "លេខ"), t("Expected a finite number.", "ត្រូវតែជាលេខកំណត់។")),
  isBetween: r(
    t("Out of range", "ក្រៅចន្លោះ"),
    t("The number is outside the allowed range.", "លេខនេះនៅក្រៅចន្លោះដែលអនុញ្ញាត។")
  ),
  isGreaterThanOrEqualTo: r(
    t("Too small", "តូចពេក"),
    t("The number is below the smallest value allowed.", "លេខនេះតូចជាងតម្លៃតូចបំផុតដែលអនុញ្ញាត។")
  ),
  isMinLength: r(
    t("Too short", "ខ្លីពេក"),
    t("The list or text is shorter than allowed.", "បញ្ជី ឬអត្ថបទនេះខ្លីជាងការអនុញ្ញាត។")
  ),
  isMaxLength: r(
    t("Too long", "វែងពេក"),
    t("The list or text is longer than allowed.", "បញ្ជី ឬអត្ថបទនេះវែងជាងការអនុញ្ញាត។")
  ),
  Score: r(
    t("Score", "ពិន្ទុ"),
    t("Expected a score from 1 (very poor) to 4 (good).", "ត្រូវតែជាពិន្ទុពី ១ (ខ្សោយខ្លាំង) ដល់ ៤ (ល្អ)។")
  ),
  Institution: r(
    t("Reason for closure", "មូលហេតុនៃការបិទ"),
    t("A closed institution needs a reason for closure.", "ស្ថាប័នដែលបានបិទ ត្រូវតែមានមូលហេតុនៃការបិទ។")
  ),
  FollowUpVisit: r(
    t("Reason the child was not seen", "មូលហេតុដែលមិនបានជួបកុមារ"),
    t("When the child was not seen, give the reason.", "នៅពេលមិនបានជួបកុមារ សូមផ្តល់មូលហេតុ។")
  ),
  CareException: r(
    t("End before start", "បញ្ចប់មុនចាប់ផ្តើម"),
    t("The end must be on or after the start.", "កាលបរិច្ឆេទបញ្ចប់ត្រូវតែនៅថ្ងៃ ឬក្រោយថ្ងៃចាប់ផ្តើម។")
  ),
  WeeklyContact: r(
    t("Range", "ចន្លោះ"),
    t("The maximum must be at least the minimum.", "តម្លៃអតិបរមាត្រូវតែមិនតិចជាងតម្លៃអប្បបរមា។")
  ),
  "date-after-as-of": r(
    t("Date after the as-of date", "កាលបរិច្ឆេទក្រោយកាលបរិច្ឆេទគោល"),
    t(
      "This date is after the as-of date; check the year, and the order of day and month.",
      "កាលបរិច្ឆេទនេះនៅក្រោយកាលបរិច្ឆេទគោល៖ សូមពិនិត្យឆ្នាំ និងលំដាប់ថ្ងៃ និងខែ។"
    )
  ),
  "duplicate-id": r(
    t("Duplicate id", "លេខសម្គាល់ស្ទួន"),
    t("Another record of this type already has this id.", "កំណត់ត្រាមួយទៀតនៃប្រភេទនេះមានលេខសម្គាល់នេះរួចហើយ។")
  ),
  "unresolved-reference": r(
    t("Reference not found", "រកមិនឃើញកំណត់ត្រាដែលបានយោង"),
    t("No record in the data has the id this cell refers to.", "គ្មានកំណត់ត្រាណាមួយក្នុងទិន្នន័យមានលេខសម្គាល់ដែលក្រឡានេះយោងទៅទេ។")
  ),
  "dates-in-order": r(
    t("Dates out of order", "កាលបរិច្ឆេទមិនតាមលំដាប់"),
    t(
      "This date is before an earlier step; the order must be born ≤ admitted ≤ case opened ≤ visits.",
      "កាលបរិច្ឆេទនេះនៅមុនដំណាក់កាលមុន៖ លំដាប់ត្រូវតែជា កំណើត ≤ ចូលការថែទាំ ≤ បើកករណី ≤ ការចុះសួរសុខទុក្ខ។"
    )
  ),
  "adult-on-admission": r(
    t("Adult on admission", "ពេញវ័យនៅពេលចូលការថែទាំ"),
    t(
      "The child was an adult on this admission date; a child in care is under 18.",
      "កុមារមានអាយុពេញវ័យនៅថ្ងៃចូលការថែទាំនេះ៖ កុមារក្នុងការថែទាំត្រូវមានអាយុក្រោម ១៨ ឆ្នាំ។"
    )
  ),
  "implausible-age": r(
    t("Implausible age", "អាយុមិនសមហេតុផល"),
    t(
      "The child would be older than 30 on the as-of date; check the year of birth.",
      "កុមារនឹងមានអាយុលើសពី ៣០ ឆ្នាំនៅកាលបរិច្ឆេទគោល៖ សូមពិនិត្យឆ្នាំកំណើត។"
    )
  ),
  "unknown-column": r(
    t("Unknown column", "ជួរឈរមិនស្គាល់"),
    t(
      "The header of this column names no field and the column is ignored (rename it, or map it in a mapping file); its header is not shown, as it may be data.",
      "ក្បាលជួរឈរនេះមិនមែនជាឈ្មោះវាលណាមួយទេ ហើយជួរឈរនេះត្រូវបានរំលង (ប្តូរឈ្មោះវា ឬដាក់វាក្នុងឯកសារផ្គូផ្គង)។ ក្បាលជួរឈរមិនត្រូវបានបង្ហាញទេ ព្រោះវាអាចជាទិន្នន័យ។"
    )
  ),
  "duplicate-column": r(
    t("Duplicate column", "ជួរឈរស្ទួន"),
    t("Another column already fills this field; this one is ignored.", "ជួរឈរមួយទៀតបានបំពេញវាលនេះរួចហើយ៖ ជួរឈរនេះត្រូវបានរំលង។")
  ),
  "list-index": r(
    t("List item out of range", "លេខរៀងក្នុងបញ្ជីធំពេក"),
    t(
      "The header names a list item above the limit; the column is ignored.",
      "ក្បាលជួរឈរនេះសំដៅលើធាតុបញ្ជីលើសពីដែនកំណត់៖ ជួរឈរនេះត្រូវបានរំលង។"
    )
  ),
  "missing-column": r(
    t("Missing column", "ខ្វះជួរឈរ"),
    t(
      "A required field has no column in this file (checked once, not on every row).",
      "វាលដែលត្រូវតែមាន គ្មានជួរឈរនៅក្នុងឯកសារនេះទេ (ពិនិត្យតែម្តង មិនមែនគ្រប់ជួរដេកទេ)។"
    )
  ),
  "extra-cells": r(
    t("Extra cells", "ក្រឡាលើស"),
    t(
      "This row has more cells than the header; check for an unquoted delimiter in a cell.",
      "ជួរដេកនេះមានក្រឡាច្រើនជាងក្បាលតារាង៖ សូមពិនិត្យសញ្ញាបំបែកនៅក្នុងក្រឡា។"
    )
  ),
  json: r(t("Not JSON", "មិនមែន JSON"), t("This line is not valid JSON.", "បន្ទាត់នេះមិនមែនជា JSON ត្រឹមត្រូវទេ។")),
  "unusable-file": r(
    t("File cannot be used", "មិនអាចប្រើឯកសារនេះបាន"),
    t("The file cannot be checked.", "មិនអាចពិនិត្យឯកសារនេះបានទេ។")
  ),
  "no-rows": r(
    t("No rows", "គ្មានជួរដេក"),
    t("The file has a header row but no records.", "ឯកសារនេះមានជួរក្បាល ប៉ុន្តែគ្មានកំណត់ត្រាទេ។")
  )
}

/**
 * Whether a rule code has its own wording.
 *
 * @example
 * ```ts
 * import { Messages } from "@homeward/validator-web"
 *
 * Messages.hasRule("no-rows") // true
 * ```
 *
 * @since 0.1.0
 */
export const hasRule = (rule: string): boolean => Object.hasOwn(rules, rule)

const FALLBACK: RuleText = r(
  t("Problem", "បញ្ហា"),
  t("The value does not pass a check of this field.", "តម្លៃនេះមិនឆ្លងការត្រួតពិនិត្យរបស់វាលនេះទេ។")
)

/**
 * The wording of a rule (a general one for a code not listed).
 *
 * @example
 * ```ts
 * import { Messages } from "@homeward/validator-web"
 *
 * Messages.rule("no-rows").title.en // "No rows"
 * ```
 *
 * @since 0.1.0
 */
export const rule = (code: string): RuleText => (hasRule(code) ? (rules[code] as RuleText) : FALLBACK)

/**
 * The short name of a rule in a language.
 *
 * @example
 * ```ts
 * import { Messages } from "@homeward/validator-web"
 *
 * Messages.ruleTitle("duplicate-id", "km") // "លេខសម្គាល់ស្ទួន"
 * ```
 *
 * @since 0.1.0
 */
export const ruleTitle = (code: string, lang: Language): string => rule(code).title[lang]

const CHOICES = /^Expected (?:one of: )?(.+?)(?:;|$)/

/**
 * The plain message of a problem in a language: in English the report's own
 * message; in Khmer the rule's message, with the choices of a `choice`
 * problem, the as-of date and the other row and column the problem points
 * to. Never a value of the file: only what the report already holds.
 *
 * @example
 * ```ts
 * import { Messages } from "@homeward/validator-web"
 *
 * Messages.problemMessage(
 *   { severity: "error", row: 7, column: "Child code", path: "id", rule: "duplicate-id",
 *     message: "Another child record already has this id (row 3, Child code)",
 *     related: { row: 3, column: "Child code" } },
 *   "km"
 * ) // "កំណត់ត្រាមួយទៀតនៃប្រភេទនេះមានលេខសម្គាល់នេះរួចហើយ។ (សូមមើលជួរដេក 3 ជួរឈរ «Child code»)"
 * ```
 *
 * @since 0.1.0
 */
export const problemMessage = (problem: Report.Problem, lang: Language, asOf?: string): string => {
  if (lang === "en" && problem.message !== "") return problem.message
  const base = rule(problem.rule).message[lang]
  const extra: Array<string> = []
  if (problem.rule === "choice") {
    const m = CHOICES.exec(problem.message)
    if (m !== null) extra.push(lang === "km" ? `ជម្រើស៖ ${m[1]}` : `Choices: ${m[1]}`)
  }
  if (problem.rule === "date-after-as-of" && asOf !== undefined) {
    extra.push(lang === "km" ? `កាលបរិច្ឆេទគោល៖ ${asOf}` : `As-of date: ${asOf}`)
  }
  if (problem.related !== undefined) {
    const rel = problem.related
    const where =
      rel.row === undefined
        ? label("seeColumn", lang, { column: rel.column })
        : label("see", lang, { row: rel.row, column: rel.column })
    extra.push(rel.file === undefined ? where : `${where} ${label("inFile", lang, { file: rel.file })}`)
  }
  return extra.length === 0 ? base : `${base} (${extra.join("; ")})`
}

/**
 * Why a file cannot be checked, by the code of the refusal (`Unusable.Code`), in
 * English and Khmer: the page shows this in Khmer, and the detailed English
 * reason in English.
 *
 * @example
 * ```ts
 * import { Messages } from "@homeward/validator-web"
 *
 * Messages.unusableReasons.empty.en // "The file is empty."
 * ```
 *
 * @since 0.1.0
 */
export const unusableReasons: Readonly<Record<Unusable.Code, Text>> = {
  empty: t("The file is empty.", "ឯកសារនេះទទេ។"),
  binary: t(
    "The file is not text (a picture, a program or a damaged file?).",
    "ឯកសារនេះមិនមែនជាអត្ថបទទេ (រូបភាព កម្មវិធី ឬឯកសារខូច?)។"
  ),
  encoding: t(
    "The file is not UTF-8 text: save it as CSV UTF-8.",
    "ឯកសារនេះមិនមែនជាអត្ថបទ UTF-8 ទេ៖ សូមរក្សាទុកជា CSV UTF-8។"
  ),
  malformed: t("The file is damaged or not in the format its name says.", "ឯកសារនេះខូច ឬមិនមែនជាទម្រង់ដែលឈ្មោះរបស់វាបញ្ជាក់។"),
  "too-large": t("The file is too large to check here.", "ឯកសារនេះធំពេកមិនអាចពិនិត្យនៅទីនេះបានទេ។"),
  "no-header": t("The first row (the column names) is empty.", "ជួរដេកទីមួយ (ឈ្មោះជួរឈរ) ទទេ។"),
  "record-type": t("Choose a record type, a preset or a mapping file.", "សូមជ្រើសរើសប្រភេទកំណត់ត្រា គំរូ ឬឯកសារផ្គូផ្គង។"),
  mapping: t("The mapping file cannot be used.", "មិនអាចប្រើឯកសារផ្គូផ្គងនេះបានទេ។"),
  options: t("A choice on the page is not valid (e.g. the as-of date).", "ជម្រើសមួយនៅលើទំព័រមិនត្រឹមត្រូវ (ឧ. កាលបរិច្ឆេទគោល)។"),
  "not-found": t("The file was not found.", "រកមិនឃើញឯកសារនេះទេ។"),
  permission: t("The file may not be read.", "មិនមានសិទ្ធិអានឯកសារនេះទេ។"),
  unreadable: t("The file could not be read.", "មិនអាចអានឯកសារនេះបានទេ។")
}
