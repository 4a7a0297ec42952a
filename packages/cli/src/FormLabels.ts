/**
 * English and Khmer wording of Homeward's data collection forms: question
 * labels, choice labels, hints and the messages a form shows when an answer
 * is refused. One data module, read by both form exports (the XForm and the
 * XLSForm), so the two always say the same thing.
 *
 * Lookups fall back to a label made from the field name (`birthYear` →
 * "Birth year") in both languages when no wording is written here; the tests
 * check that every question and choice of the data collection record types
 * has its own English and Khmer wording.
 *
 * @since 0.1.0
 */

/**
 * A text in every form language.
 *
 * @since 0.1.0
 */
export interface Label {
  readonly en: string
  readonly km: string
}

/**
 * Form languages, as ODK and KoboToolbox name them in XLSForm column headers
 * (`label::English (en)`) and XForm `itext` translations: the language name
 * followed by its two-letter code, so that ODK Collect can choose the
 * language of the device.
 *
 * @since 0.1.0
 */
export const languages = { en: "English (en)", km: "Khmer (km)" } as const

/**
 * A form language code.
 *
 * @since 0.1.0
 */
export type Language = keyof typeof languages

/**
 * Form language codes, the default (English) first.
 *
 * @since 0.1.0
 */
export const languageCodes: ReadonlyArray<Language> = ["en", "km"]

const KHMER_DIGITS = "០១២៣៤៥៦៧៨៩"

/**
 * A number written with Khmer digits (`2000` → `២០០០`), for Khmer messages.
 *
 * @example
 * ```ts
 * import { FormLabels } from "@homeward/cli"
 *
 * FormLabels.khmerDigits(2000) // "២០០០"
 * ```
 *
 * @since 0.1.0
 */
export const khmerDigits = (n: number | string): string =>
  String(n).replace(/[0-9]/g, (d) => KHMER_DIGITS.charAt(Number(d)))

/**
 * A label made from a field name, the same in both languages: `birthYear` →
 * "Birth year". Used only when this module has no wording for a field.
 *
 * @example
 * ```ts
 * import { FormLabels } from "@homeward/cli"
 *
 * FormLabels.fromName("birthYear").en // "Birth year"
 * ```
 *
 * @since 0.1.0
 */
export const fromName = (name: string): Label => {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_-]+/g, " ")
    .toLowerCase()
  const en = words.charAt(0).toUpperCase() + words.slice(1)
  return { en, km: en }
}

const l = (en: string, km: string): Label => ({ en, km })

/**
 * Form titles by record type.
 *
 * @since 0.1.0
 */
export const titles: Readonly<Record<string, Label>> = {
  child: l("Child", "កុមារ"),
  household: l("Household", "គ្រួសារ"),
  institution: l("Institution", "ស្ថាប័នថែទាំកុមារ"),
  case: l("Case", "ករណី"),
  assessment: l("Assessment", "ការវាយតម្លៃ"),
  "follow-up-visit": l("Follow-up visit", "ការចុះតាមដាន"),
  "closure-assessment": l("Closure assessment (Form 6)", "ការវាយតម្លៃមុនបិទករណី (ទម្រង់ ៦)"),
  "child-views": l("Child's views", "មតិរបស់កុមារ"),
  "best-interest-determination": l("Best-interest determination", "ការកំណត់ឧត្តមប្រយោជន៍របស់កុមារ"),
  contact: l("Contact or visit", "ការទំនាក់ទំនង ឬការជួបសួរសុខទុក្ខ"),
  consent: l("Consent", "ការយល់ព្រម"),
  "support-plan": l("Support plan", "ផែនការជំនួយ"),
  "support-payment": l("Support payment", "ការទូទាត់ជំនួយ"),
  "safety-plan": l("Safety plan", "ផែនការសុវត្ថិភាព"),
  "reunification-agreement": l("Reunification agreement", "កិច្ចព្រមព្រៀងបង្រួបបង្រួមគ្រួសារ"),
  "case-conference": l("Case conference", "សន្និសីទករណី"),
  "care-exception": l("Residential care exception (young child)", "ករណីលើកលែងការថែទាំក្នុងមណ្ឌល (កុមារតូច)"),
  "youth-activity": l("Youth activity (work and study)", "សកម្មភាពយុវជន (ការងារ និងការសិក្សា)"),
  "case-event": l("Case event", "ព្រឹត្តិការណ៍ករណី"),
  "policy-profile": l("Policy profile", "ទម្រង់គោលនយោបាយ")
}

/**
 * Question labels by field name. A field name means the same thing in every
 * record type unless {@link fieldsInContext} says otherwise.
 *
 * @since 0.1.0
 */
export const fields: Readonly<Record<string, Label>> = {
  id: l("ID", "លេខសម្គាល់"),
  givenName: l("Given name", "នាមខ្លួន"),
  familyName: l("Family name", "នាមត្រកូល"),
  birth: l("Birth", "កំណើត"),
  date: l("Date", "កាលបរិច្ឆេទ"),
  estimated: l("Is the date of birth estimated?", "តើថ្ងៃខែឆ្នាំកំណើតនេះជាការប៉ាន់ស្មានឬ?"),
  basis: l("How is the date of birth known?", "តើដឹងថ្ងៃខែឆ្នាំកំណើតតាមរយៈអ្វី?"),
  sex: l("Sex", "ភេទ"),
  disabilities: l("Disabilities", "ពិការភាព"),
  specialNeeds: l("Special needs", "តម្រូវការពិសេស"),
  school: l("Schooling", "ការសិក្សា"),
  siblingIds: l("Sibling IDs", "លេខសម្គាល់បងប្អូនបង្កើត"),
  members: l("Household members", "សមាជិកគ្រួសារ"),
  name: l("Name", "ឈ្មោះ"),
  relationship: l("Relationship to the child", "ទំនាក់ទំនងជាមួយកុមារ"),
  primaryCaregiver: l("Is this the primary caregiver?", "តើជាអ្នកថែទាំចម្បងឬ?"),
  birthYear: l("Year of birth", "ឆ្នាំកំណើត"),
  location: l("Location", "ទីតាំង"),
  province: l("Province", "ខេត្ត/រាជធានី"),
  district: l("District", "ស្រុក/ខណ្ឌ/ក្រុង"),
  commune: l("Commune", "ឃុំ/សង្កាត់"),
  village: l("Village", "ភូមិ"),
  address: l("Address", "អាសយដ្ឋាន"),
  contact: l("Contact details", "ព័ត៌មានទំនាក់ទំនង"),
  phone: l("Phone", "លេខទូរស័ព្ទ"),
  other: l("Other contact", "ទំនាក់ទំនងផ្សេងទៀត"),
  housing: l("Housing", "លំនៅដ្ឋាន"),
  livelihood: l("Livelihood", "មុខរបរចិញ្ចឹមជីវិត"),
  tracing: l("Family tracing", "ការស្វែងរកគ្រួសារ"),
  notes: l("Notes", "កំណត់សម្គាល់"),
  kind: l("Kind", "ប្រភេទ"),
  label: l("Short name of the household", "ឈ្មោះខ្លីរបស់គ្រួសារ"),
  status: l("Status", "ស្ថានភាព"),
  closureReason: l("Reason for closure", "មូលហេតុនៃការបិទ"),
  closedOn: l("Date closed", "កាលបរិច្ឆេទបិទ"),
  inspection: l("Last inspection", "ការត្រួតពិនិត្យចុងក្រោយ"),
  on: l("Date", "កាលបរិច្ឆេទ"),
  ranking: l("Ranking", "ចំណាត់ថ្នាក់"),
  capacity: l("Capacity (number of children)", "សមត្ថភាពទទួល (ចំនួនកុមារ)"),
  childId: l("Child ID", "លេខសម្គាល់កុមារ"),
  institutionId: l("Institution ID", "លេខសម្គាល់ស្ថាប័ន"),
  agencyId: l("Agency ID", "លេខសម្គាល់អង្គការ"),
  socialWorkerId: l("Social worker ID", "លេខសម្គាល់បុគ្គលិកសង្គមកិច្ច"),
  openedOn: l("Date the case was opened", "កាលបរិច្ឆេទបើកករណី"),
  admissionReasons: l("Reasons for admission", "មូលហេតុនៃការទទួលចូល"),
  placement: l("Current placement", "កន្លែងស្នាក់នៅបច្ចុប្បន្ន"),
  type: l("Type of placement", "ប្រភេទកន្លែងស្នាក់នៅ"),
  since: l("Since", "ចាប់ពី"),
  householdId: l("Household ID", "លេខសម្គាល់គ្រួសារ"),
  assessorId: l("Assessor ID", "លេខសម្គាល់អ្នកវាយតម្លៃ"),
  childWellbeing: l("Child well-being", "សុខុមាលភាពកុមារ"),
  health: l("Health", "សុខភាព"),
  education: l("Education", "ការអប់រំ"),
  emotionalSocial: l("Emotional and social", "ផ្លូវចិត្ត និងសង្គម"),
  safetyEnvironment: l("Safety and environment", "សុវត្ថិភាព និងបរិស្ថាន"),
  nutrition: l("Nutrition", "អាហារូបត្ថម្ភ"),
  familyCapacity: l("Family capacity", "សមត្ថភាពគ្រួសារ"),
  basicCare: l("Basic care", "ការថែទាំមូលដ្ឋាន"),
  safetyStability: l("Safety and stability", "សុវត្ថិភាព និងស្ថិរភាព"),
  emotionalBonding: l("Emotional bonding", "ចំណងទំនាក់ទំនងផ្លូវចិត្ត"),
  economicCapacity: l("Economic capacity", "សមត្ថភាពសេដ្ឋកិច្ច"),
  familyFunctioning: l("Family functioning", "ដំណើរការគ្រួសារ"),
  community: l("Community", "សហគមន៍"),
  riskFactors: l("Risk factors", "កត្តាហានិភ័យ"),
  factor: l("Risk factor", "កត្តាហានិភ័យ"),
  mitigation: l("Mitigation", "ការកាត់បន្ថយហានិភ័យ"),
  plan: l("Plan", "ផែនការ"),
  riskLevel: l("Risk level", "កម្រិតហានិភ័យ"),
  conclusion: l("Conclusion", "សេចក្តីសន្និដ្ឋាន"),
  familyAcceptsServices: l("Does the family accept services?", "តើគ្រួសារទទួលយកសេវាឬទេ?"),
  visitorId: l("Visitor ID", "លេខសម្គាល់អ្នកចុះតាមដាន"),
  criteria: l("Criteria", "លក្ខណៈវិនិច្ឆ័យ"),
  food: l("Food", "ម្ហូបអាហារ"),
  safety: l("Safety", "សុវត្ថិភាព"),
  childSeen: l("Was the child seen?", "តើបានជួបកុមារឬទេ?"),
  notSeenReason: l("Why was the child not seen?", "ហេតុអ្វីមិនបានជួបកុមារ?"),
  closureRecommended: l("Is closing the case recommended?", "តើណែនាំឱ្យបិទករណីឬទេ?"),
  child: l("Child", "កុមារ"),
  family: l("Family", "គ្រួសារ"),
  emotionalWellbeing: l("Emotional well-being", "សុខុមាលភាពផ្លូវចិត្ត"),
  socialBehaviour: l("Social behaviour", "ឥរិយាបថសង្គម"),
  shelter: l("Shelter", "ទីជម្រក"),
  relationshipWithCaregiver: l("Relationship with the caregiver", "ទំនាក់ទំនងជាមួយអ្នកថែទាំ"),
  basicNeeds: l("Basic needs", "តម្រូវការមូលដ្ឋាន"),
  income: l("Income", "ប្រាក់ចំណូល"),
  caregivingSkills: l("Caregiving skills", "ជំនាញថែទាំកុមារ"),
  childSafety: l("Child safety", "សុវត្ថិភាពកុមារ"),
  emotionalBond: l("Emotional bond", "ចំណងទំនាក់ទំនងផ្លូវចិត្ត"),
  familyRelationships: l("Family relationships", "ទំនាក់ទំនងក្នុងគ្រួសារ"),
  healthCareAccess: l("Access to health care", "លទ្ធភាពទទួលបានសេវាថែទាំសុខភាព"),
  educationSupport: l("Support for education", "ការគាំទ្រការសិក្សា"),
  communityParticipation: l("Community participation", "ការចូលរួមក្នុងសហគមន៍"),
  assistanceFromRelatives: l("Assistance from relatives", "ជំនួយពីសាច់ញាតិ"),
  managerApproval: l("Manager's approval", "ការអនុម័តរបស់អ្នកគ្រប់គ្រង"),
  managerId: l("Manager ID", "លេខសម្គាល់អ្នកគ្រប់គ្រង"),
  heardBy: l("Heard by (worker ID)", "អ្នកស្តាប់ (លេខសម្គាល់បុគ្គលិក)"),
  howHeard: l("How were the child's views heard?", "តើបានស្តាប់មតិរបស់កុមារតាមរបៀបណា?"),
  wish: l("Does the child wish to return to the family?", "តើកុមារចង់ត្រឡប់ទៅរស់នៅជាមួយគ្រួសារវិញឬទេ?"),
  preferredPeople: l("People the child would like to live with", "មនុស្សដែលកុមារចង់រស់នៅជាមួយ"),
  rank: l("Rank (1 = first choice)", "លំដាប់ (១ = ជម្រើសទីមួយ)"),
  memberId: l("Member ID", "លេខសម្គាល់សមាជិក"),
  summary: l("Summary", "សេចក្តីសង្ខេប"),
  panel: l("Panel members", "សមាជិកគណៈកម្មការ"),
  role: l("Role", "តួនាទី"),
  childViewsConsidered: l("Were the child's views considered?", "តើបានពិចារណាមតិរបស់កុមារឬទេ?"),
  familyViewsConsidered: l("Were the family's views considered?", "តើបានពិចារណាមតិរបស់គ្រួសារឬទេ?"),
  optionsConsidered: l("Options considered", "ជម្រើសដែលបានពិចារណា"),
  recommendation: l("Recommendation", "អនុសាសន៍"),
  placementType: l("Recommended placement", "ប្រភេទកន្លែងស្នាក់នៅដែលបានណែនាំ"),
  rationale: l("Rationale", "ហេតុផល"),
  nights: l("Number of nights", "ចំនួនយប់"),
  outcome: l("Outcome", "លទ្ធផល"),
  givenBy: l("Given by (person ID)", "ផ្តល់ដោយ (លេខសម្គាល់បុគ្គល)"),
  purposes: l("Purposes", "គោលបំណង"),
  agencies: l("Agencies", "អង្គការ"),
  givenOn: l("Date given", "កាលបរិច្ឆេទផ្តល់ការយល់ព្រម"),
  expiresOn: l("Expires on", "កាលបរិច្ឆេទផុតសុពលភាព"),
  withdrawnOn: l("Withdrawn on", "កាលបរិច្ឆេទដកការយល់ព្រមវិញ"),
  startsOn: l("Starts on", "កាលបរិច្ឆេទចាប់ផ្តើម"),
  recipient: l("Recipient", "អ្នកទទួល"),
  items: l("Support items", "ធាតុជំនួយ"),
  category: l("Category", "ប្រភេទ"),
  amount: l("Amount", "ចំនួនទឹកប្រាក់"),
  currency: l("Currency", "រូបិយប័ណ្ណ"),
  period: l("How often", "ភាពញឹកញាប់"),
  planId: l("Plan ID", "លេខសម្គាល់ផែនការ"),
  paidOn: l("Date paid", "កាលបរិច្ឆេទទូទាត់"),
  // assessment outcome, safety plan, agreement, conference, care exception, youth activity
  riskOutcome: l("Outcome of the risk assessment", "លទ្ធផលនៃការវាយតម្លៃហានិភ័យ"),
  assessmentId: l("Assessment ID", "លេខសម្គាល់ការវាយតម្លៃ"),
  domains: l("Domains the plan covers", "វិស័យដែលផែនការគ្របដណ្តប់"),
  approvedBy: l("Approved by (ID)", "អនុម័តដោយ (លេខសម្គាល់)"),
  caregiverId: l("Caregiver ID", "លេខសម្គាល់អ្នកថែទាំ"),
  caseworkerId: l("Case worker ID", "លេខសម្គាល់បុគ្គលិកសង្គមកិច្ច"),
  childSigned: l("Did the child sign?", "តើកុមារបានចុះហត្ថលេខាឬទេ?"),
  witnesses: l("Witnesses", "សាក្សី"),
  signedCopyAttached: l("Is the signed copy attached?", "តើច្បាប់ចម្លងដែលបានចុះហត្ថលេខាត្រូវបានភ្ជាប់ឬទេ?"),
  reasons: l("Reasons for the conference", "មូលហេតុនៃសន្និសីទករណី"),
  participantIds: l("Participant IDs", "លេខសម្គាល់អ្នកចូលរួម"),
  justification: l("Justification", "យុត្តិកម្ម"),
  from: l("First day", "ថ្ងៃចាប់ផ្តើម"),
  endsOn: l("Last day", "ថ្ងៃចុងក្រោយ"),
  work: l("Work", "ការងារ"),
  study: l("Study", "ការសិក្សា"),
  finishedSecondarySchool: l("Has the youth finished secondary school?", "តើយុវជនបានបញ្ចប់មធ្យមសិក្សាទុតិយភូមិឬទេ?"),
  // case events (the record type `case-event`)
  eventId: l("Event ID", "លេខសម្គាល់ព្រឹត្តិការណ៍"),
  caseId: l("Case ID", "លេខសម្គាល់ករណី"),
  occurredOn: l("Day it happened", "ថ្ងៃដែលបានកើតឡើង"),
  recordedAt: l("Recorded at", "កត់ត្រានៅពេល"),
  actor: l("Recorded by", "កត់ត្រាដោយ"),
  reason: l("Reason", "មូលហេតុ"),
  assessment: l("Assessment", "ការវាយតម្លៃ"),
  household: l("Household", "គ្រួសារ"),
  views: l("Child's views", "មតិរបស់កុមារ"),
  determination: l("Best-interest determination", "ការកំណត់ឧត្តមប្រយោជន៍"),
  consent: l("Consent", "ការយល់ព្រម"),
  consentId: l("Consent ID", "លេខសម្គាល់ការយល់ព្រម"),
  phase: l("Phase", "ដំណាក់កាល"),
  step: l("Step", "ជំហាន"),
  to: l("To", "ទៅ"),
  override: l("Override", "ការបដិសេធច្បាប់"),
  concern: l("Concern", "កង្វល់"),
  incidentId: l("Incident ID", "លេខសម្គាល់ឧប្បត្តិហេតុ"),
  severity: l("Severity", "កម្រិតធ្ងន់ធ្ងរ"),
  description: l("Description", "ការពិពណ៌នា"),
  payment: l("Payment", "ការទូទាត់"),
  visit: l("Visit", "ការចុះសួរសុខទុក្ខ"),
  toAgencyId: l("To agency (ID)", "ទៅអង្គការ (លេខសម្គាល់)"),
  toSocialWorkerId: l("To social worker (ID)", "ទៅបុគ្គលិកសង្គមកិច្ច (លេខសម្គាល់)"),
  agreement: l("Agreement", "កិច្ចព្រមព្រៀង"),
  conference: l("Case conference", "សន្និសីទករណី"),
  exception: l("Exception", "ករណីលើកលែង"),
  activity: l("Activity", "សកម្មភាព"),
  referralId: l("Referral ID", "លេខសម្គាល់ការបញ្ជូន"),
  serviceType: l("Kind of service", "ប្រភេទសេវា"),
  dueOn: l("Due by", "កាលកំណត់"),
  declineReason: l("Why the referral was declined", "មូលហេតុដែលការបញ្ជូនត្រូវបានបដិសេធ"),
  transferId: l("Transfer ID", "លេខសម្គាល់ការផ្ទេរ"),
  rejectReason: l("Why the transfer was rejected", "មូលហេតុដែលការផ្ទេរត្រូវបានបដិសេធ"),
  approvalId: l("Approval ID", "លេខសម្គាល់ការអនុម័ត"),
  subjectId: l("For (referral or transfer ID)", "សម្រាប់ (លេខសម្គាល់ការបញ្ជូន ឬការផ្ទេរ)"),
  comment: l("Comment", "មតិយោបល់"),
  approvals: l("Supervisor approvals", "ការអនុម័តរបស់អ្នកត្រួតពិនិត្យ"),
  approverRoles: l("Who may approve", "អ្នកដែលអាចអនុម័ត"),
  service: l("Service", "សេវា"),
  // policy profiles (the record type `policy-profile`)
  version: l("Version", "កំណែ"),
  title: l("Title", "ចំណងជើង"),
  jurisdiction: l("Jurisdiction", "យុត្តាធិការ"),
  derivedFrom: l("Derived from", "ដកស្រង់ចេញពី"),
  parameters: l("Parameters", "ប៉ារ៉ាម៉ែត្រ"),
  scoring: l("Scoring", "ការដាក់ពិន្ទុ"),
  concernAtOrBelow: l("A concern at or below this score", "កង្វល់នៅពិន្ទុនេះ ឬទាបជាងនេះ"),
  value: l("Value", "តម្លៃ"),
  unit: l("Unit", "ឯកតា"),
  source: l("Source", "ប្រភព"),
  document: l("Document", "ឯកសារ"),
  year: l("Year", "ឆ្នាំ"),
  section: l("Section", "ផ្នែក"),
  url: l("Web address", "អាសយដ្ឋានគេហទំព័រ"),
  note: l("Note", "កំណត់ចំណាំ"),
  key: l("Key in docs/sources.md", "កូនសោក្នុង docs/sources.md"),
  effectiveFrom: l("In effect from", "មានប្រសិទ្ធភាពចាប់ពី"),
  lastChecked: l("Last checked", "ពិនិត្យចុងក្រោយ"),
  history: l("Earlier values", "តម្លៃមុនៗ"),
  highRiskAnyDomainAtOrBelow: l("High risk: any domain at or below this score", "ហានិភ័យខ្ពស់៖ វិស័យណាមួយនៅពិន្ទុនេះ ឬទាបជាងនេះ"),
  highRiskPoorScore: l("High risk: the score counted as poor", "ហានិភ័យខ្ពស់៖ ពិន្ទុដែលរាប់ថាខ្សោយ"),
  highRiskPoorDomainsMoreThan: l("High risk: more than this many poor domains", "ហានិភ័យខ្ពស់៖ វិស័យខ្សោយច្រើនជាងចំនួននេះ"),
  responseTime: l("Response time", "រយៈពេលឆ្លើយតប"),
  highHours: l("High risk: hours", "ហានិភ័យខ្ពស់៖ ម៉ោង"),
  mediumHours: l("Medium risk: hours", "ហានិភ័យមធ្យម៖ ម៉ោង"),
  lowHours: l("Low risk: hours", "ហានិភ័យទាប៖ ម៉ោង"),
  triggers: l("Conference triggers", "មូលហេតុតម្រូវឱ្យមានសន្និសីទករណី"),
  eligibility: l("Eligibility", "លក្ខខណ្ឌសិទ្ធិ"),
  familyAssessmentMaxAgeDays: l("Family assessment at most this many days old", "ការវាយតម្លៃគ្រួសារមិនលើសពីចំនួនថ្ងៃនេះ"),
  bidMaxAgeDays: l("Best-interest determination at most this many days old", "ការកំណត់ឧត្តមប្រយោជន៍មិនលើសពីចំនួនថ្ងៃនេះ"),
  viewsMaxAgeDays: l("Child's views at most this many days old", "មតិកុមារមិនលើសពីចំនួនថ្ងៃនេះ"),
  viewsDirectFromAge: l("Views heard directly from this age", "ស្តាប់មតិដោយផ្ទាល់ចាប់ពីអាយុនេះ"),
  independentLivingFromAge: l("Independent living from this age", "ការរស់នៅដោយឯករាជ្យចាប់ពីអាយុនេះ"),
  adultAge: l("Adult from this age", "ពេញវ័យចាប់ពីអាយុនេះ"),
  residentialCareFromAge: l("Residential care only from this age", "ការថែទាំក្នុងមណ្ឌលតែចាប់ពីអាយុនេះ"),
  childAssentFromAge: l("Child's own assent from this age", "ការយល់ព្រមរបស់កុមារផ្ទាល់ចាប់ពីអាយុនេះ"),
  residentialCareExceptions: l("Exceptions for younger children", "ករណីលើកលែងសម្រាប់កុមារតូចជាងនេះ"),
  independentLivingWorkOrStudy: l("Independent living requires work or study", "ការរស់នៅដោយឯករាជ្យតម្រូវឱ្យធ្វើការ ឬសិក្សា"),
  keepSiblingsTogether: l("Keep siblings together", "រក្សាបងប្អូនបង្កើតនៅជាមួយគ្នា"),
  requireSuitableHousing: l("Suitable housing required", "តម្រូវឱ្យមានលំនៅដ្ឋានសមរម្យ"),
  requireStableLivelihood: l("Stable livelihood required", "តម្រូវឱ្យមានមុខរបរស្ថិរភាព"),
  phases: l("Phases", "ដំណាក់កាល"),
  contactSteps: l("Contact steps", "ជំហាននៃការទំនាក់ទំនង"),
  contactKinds: l("Kinds of contact", "ប្រភេទទំនាក់ទំនង"),
  minPositiveContacts: l("Positive contacts needed", "ចំនួនទំនាក់ទំនងវិជ្ជមានដែលត្រូវការ"),
  minDwellDays: l("Days at least in the step", "ចំនួនថ្ងៃយ៉ាងតិចក្នុងជំហាន"),
  longDwellWarningDays: l("Warning after this many days in the step", "ការព្រមានក្រោយចំនួនថ្ងៃនេះក្នុងជំហាន"),
  weekly: l("Each week", "ប្រចាំសប្តាហ៍"),
  measure: l("Counted in", "រាប់ជា"),
  min: l("At least", "យ៉ាងតិច"),
  max: l("At most", "យ៉ាងច្រើន"),
  weeks: l("Weeks in a row", "ចំនួនសប្តាហ៍ជាប់គ្នា"),
  homewardDefaults: l("Numbers that are Homeward defaults", "លេខដែលជាលំនាំដើមរបស់ Homeward"),
  deadlineDays: l("Deadline (days)", "ថ្ងៃផុតកំណត់"),
  monitoring: l("Monitoring", "ការតាមដាន"),
  durationMonths: l("Follow-up for this many months", "តាមដានរយៈពេលប៉ុន្មានខែនេះ"),
  schedule: l("Visit schedule", "កាលវិភាគចុះសួរសុខទុក្ខ"),
  fromDay: l("From day", "ចាប់ពីថ្ងៃទី"),
  intervalDays: l("Every this many days", "រៀងរាល់ចំនួនថ្ងៃនេះ"),
  intervalMonths: l("Every this many months", "រៀងរាល់ចំនួនខែនេះ"),
  graceDays: l("Days of grace before a visit is missed", "ចំនួនថ្ងៃអនុគ្រោះមុនពេលចាត់ទុកថាខកខាន"),
  reviewIntervalMonths: l("Review every this many months", "ពិនិត្យឡើងវិញរៀងរាល់ចំនួនខែនេះ"),
  caseNoteMaxDays: l("Something recorded at least every this many days", "កត់ត្រាយ៉ាងហោចណាស់រៀងរាល់ចំនួនថ្ងៃនេះ"),
  reunification: l("Reunification", "ការបង្រួបបង្រួមគ្រួសារ"),
  agreementRequired: l("Agreement required", "តម្រូវឱ្យមានកិច្ចព្រមព្រៀង"),
  agreementWitnesses: l("Witnesses of the agreement", "សាក្សីនៃកិច្ចព្រមព្រៀង"),
  closure: l("Closure", "ការបិទករណី"),
  childMinTotal: l("Child: lowest total", "កុមារ៖ ពិន្ទុសរុបទាបបំផុត"),
  childMinItem: l("Child: lowest item score", "កុមារ៖ ពិន្ទុចំណុចទាបបំផុត"),
  familyMinTotal: l("Family: lowest total", "គ្រួសារ៖ ពិន្ទុសរុបទាបបំផុត"),
  familyMinItem: l("Family: lowest item score", "គ្រួសារ៖ ពិន្ទុចំណុចទាបបំផុត"),
  familyItemsExempt: l("Family items that may be lower", "ចំណុចគ្រួសារដែលអាចទាបជាងនេះ"),
  grandMinTotal: l("Lowest grand total", "ពិន្ទុសរុបរួមទាបបំផុត"),
  managerApprovalRequired: l("Manager's approval required", "តម្រូវឱ្យមានការអនុម័តពីអ្នកគ្រប់គ្រង"),
  recentVisitsPositive: l("Last visits that must be positive", "ការចុះសួរសុខទុក្ខចុងក្រោយដែលត្រូវតែវិជ្ជមាន"),
  support: l("Support", "ជំនួយ"),
  maxStepShare: l("Largest step down (share of the start)", "ការកាត់បន្ថយធំបំផុត (ចំណែកនៃចំនួនដំបូង)"),
  stepMonths: l("Months between steps", "ចំនួនខែរវាងជំហាន"),
  programme: l("Programme", "កម្មវិធី"),
  targetShare: l("Target share", "ចំណែកគោលដៅ"),
  targetDeadline: l("Target deadline", "ថ្ងៃផុតកំណត់គោលដៅ"),
  maxCaseload: l("Most children per social worker", "ចំនួនកុមារច្រើនបំផុតក្នុងម្នាក់"),
  targetCohort: l("Who the target counts", "អ្នកដែលគោលដៅរាប់"),
  reporting: l("Reporting", "ការរាយការណ៍"),
  smallCellK: l("Counts below this are suppressed", "ចំនួនតិចជាងនេះត្រូវបានលាក់"),
  protectionLevel: l("Protection level", "កម្រិតការពារ")
}

/**
 * Question labels that depend on where the field sits: keyed
 * `<record type>:<dotted path>` (`follow-up-visit:criteria.health`) or by
 * the last two names of the path (`members.id`).
 *
 * @since 0.1.0
 */
export const fieldsInContext: Readonly<Record<string, Label>> = {
  "approvals.required": l("Steps that need an approval", "ជំហានដែលត្រូវការការអនុម័ត"),
  "child:id": l("Child ID", "លេខសម្គាល់កុមារ"),
  "child:birth.date": l("Date of birth", "ថ្ងៃខែឆ្នាំកំណើត"),
  "child:birth": l("Date of birth", "ថ្ងៃខែឆ្នាំកំណើត"),
  "child:disabilities.item": l("Disability", "ពិការភាព"),
  "child:siblingIds.item": l("Sibling ID", "លេខសម្គាល់បងប្អូនបង្កើត"),
  "household:id": l("Household ID", "លេខសម្គាល់គ្រួសារ"),
  "members.id": l("Member ID", "លេខសម្គាល់សមាជិក"),
  "household:kind": l("Kind of family", "ប្រភេទគ្រួសារ"),
  "household:housing": l("Housing", "លំនៅដ្ឋាន"),
  "institution:id": l("Institution ID", "លេខសម្គាល់ស្ថាប័ន"),
  "institution:name": l("Name of the institution", "ឈ្មោះស្ថាប័ន"),
  "institution:kind": l("Kind of institution", "ប្រភេទស្ថាប័ន"),
  "inspection.on": l("Date of inspection", "កាលបរិច្ឆេទត្រួតពិនិត្យ"),
  "case:id": l("Case ID", "លេខសម្គាល់ករណី"),
  "placement.since": l("In this placement since", "ស្នាក់នៅកន្លែងនេះចាប់ពី"),
  "assessment:id": l("Assessment ID", "លេខសម្គាល់ការវាយតម្លៃ"),
  "assessment:kind": l("Kind of assessment", "ប្រភេទការវាយតម្លៃ"),
  "assessment:date": l("Date of the assessment", "កាលបរិច្ឆេទវាយតម្លៃ"),
  "follow-up-visit:id": l("Visit ID", "លេខសម្គាល់ការចុះតាមដាន"),
  "follow-up-visit:date": l("Date of the visit", "កាលបរិច្ឆេទចុះតាមដាន"),
  "criteria.health": l("Access to health care", "ការទទួលបានសេវាសុខាភិបាល"),
  "criteria.education": l("School or vocational training attendance", "ការទៅសាលារៀន ឬវគ្គបណ្តុះបណ្តាលវិជ្ជាជីវៈ"),
  "criteria.food": l("Food three or more times a day", "អាហារបីពេល ឬច្រើនជាងនេះក្នុងមួយថ្ងៃ"),
  "criteria.relationship": l("Relationship with the caregiver", "ទំនាក់ទំនងជាមួយអ្នកថែទាំ"),
  "criteria.safety": l(
    "Free from violence, abuse, exploitation and neglect",
    "គ្មានអំពើហិង្សា ការរំលោភបំពាន ការកេងប្រវ័ញ្ច និងការធ្វេសប្រហែស"
  ),
  "closure-assessment:id": l("Assessment ID", "លេខសម្គាល់ការវាយតម្លៃ"),
  "closure-assessment:date": l("Date of the assessment", "កាលបរិច្ឆេទវាយតម្លៃ"),
  "closure-assessment:child": l("Child items", "ចំណុចវាយតម្លៃកុមារ"),
  "closure-assessment:family": l("Family items", "ចំណុចវាយតម្លៃគ្រួសារ"),
  "managerApproval.on": l("Date approved", "កាលបរិច្ឆេទអនុម័ត"),
  "child-views:date": l("Date the views were heard", "កាលបរិច្ឆេទស្តាប់មតិ"),
  "preferredPeople.relationship": l("Relationship to the child", "ទំនាក់ទំនងជាមួយកុមារ"),
  "best-interest-determination:id": l("Determination ID", "លេខសម្គាល់ការកំណត់"),
  "best-interest-determination:date": l("Date of the determination", "កាលបរិច្ឆេទនៃការកំណត់"),
  "panel.memberId": l("Panel member ID", "លេខសម្គាល់សមាជិកគណៈកម្មការ"),
  "contact:id": l("Contact ID", "លេខសម្គាល់ការទំនាក់ទំនង"),
  "contact:date": l("Date of the contact", "កាលបរិច្ឆេទទំនាក់ទំនង"),
  "contact:kind": l("Kind of contact", "ប្រភេទទំនាក់ទំនង"),
  "consent:id": l("Consent ID", "លេខសម្គាល់ការយល់ព្រម"),
  "consent:kind": l("Kind of consent", "ប្រភេទការយល់ព្រម"),
  "consent:agencies.item": l("Agency ID", "លេខសម្គាល់អង្គការ"),
  "support-plan:id": l("Plan ID", "លេខសម្គាល់ផែនការ"),
  "support-plan:items.category": l("Kind of support", "ប្រភេទជំនួយ"),
  "support-payment:id": l("Payment ID", "លេខសម្គាល់ការទូទាត់"),
  "support-payment:category": l("Kind of support", "ប្រភេទជំនួយ"),
  "amount.amount": l("Amount", "ចំនួនទឹកប្រាក់"),
  "safety-plan:id": l("Safety plan ID", "លេខសម្គាល់ផែនការសុវត្ថិភាព"),
  "safety-plan:date": l("Date of the plan", "កាលបរិច្ឆេទនៃផែនការ"),
  "reunification-agreement:id": l("Agreement ID", "លេខសម្គាល់កិច្ចព្រមព្រៀង"),
  "reunification-agreement:date": l("Date signed", "កាលបរិច្ឆេទចុះហត្ថលេខា"),
  "witnesses.role": l("Witness", "សាក្សី"),
  "witnesses.id": l("Witness ID", "លេខសម្គាល់សាក្សី"),
  "case-conference:id": l("Conference ID", "លេខសម្គាល់សន្និសីទករណី"),
  "case-conference:date": l("Date of the conference", "កាលបរិច្ឆេទសន្និសីទករណី"),
  "case-conference:outcome": l("Recommendations", "អនុសាសន៍"),
  "case-conference:participantIds.item": l("Participant ID", "លេខសម្គាល់អ្នកចូលរួម"),
  "care-exception:id": l("Exception ID", "លេខសម្គាល់ករណីលើកលែង"),
  "care-exception:kind": l("Why the young child stays in residential care", "មូលហេតុដែលកុមារតូចស្នាក់នៅក្នុងមណ្ឌលថែទាំ"),
  "youth-activity:date": l("Date recorded", "កាលបរិច្ឆេទកត់ត្រា"),
  "case-event:type": l("Event", "ព្រឹត្តិការណ៍")
}

/**
 * Choice labels by value. A value means the same thing in every list unless
 * {@link choicesInContext} says otherwise.
 *
 * @since 0.1.0
 */
export const choices: Readonly<Record<string, Label>> = {
  true: l("Yes", "បាទ/ចាស"),
  false: l("No", "ទេ"),
  other: l("Other", "ផ្សេងទៀត"),
  unknown: l("Unknown", "មិនដឹង"),
  none: l("None", "គ្មាន"),
  // sex
  female: l("Female", "ស្រី"),
  male: l("Male", "ប្រុស"),
  // how the date of birth is known
  document: l("Document (birth certificate, family book)", "ឯកសារ (សំបុត្រកំណើត សៀវភៅគ្រួសារ)"),
  "caregiver-report": l("Caregiver's report", "តាមការប្រាប់របស់អ្នកថែទាំ"),
  "child-report": l("Child's report", "តាមការប្រាប់របស់កុមារ"),
  medical: l("Medical estimate", "ការប៉ាន់ស្មានផ្នែកវេជ្ជសាស្ត្រ"),
  // schooling
  "not-school-age": l("Not of school age", "មិនទាន់ដល់អាយុចូលរៀន"),
  enrolled: l("Enrolled in school", "កំពុងសិក្សានៅសាលា"),
  "vocational-training": l("Vocational training", "កំពុងរៀនវិជ្ជាជីវៈ"),
  "not-enrolled": l("Not enrolled", "មិនបានចុះឈ្មោះចូលរៀន"),
  "dropped-out": l("Dropped out", "បោះបង់ការសិក្សា"),
  graduated: l("Graduated", "បានបញ្ចប់ការសិក្សា"),
  // relationship to the child
  parent: l("Parent", "ឪពុក ឬម្តាយ"),
  "step-parent": l("Step-parent", "ឪពុកចុង ឬម្តាយចុង"),
  grandparent: l("Grandparent", "ជីដូន ឬជីតា"),
  "aunt-uncle": l("Aunt or uncle", "មីង មា ពូ ឬអ៊ំ"),
  "adult-sibling": l("Adult brother or sister", "បងប្អូនបង្កើតពេញវ័យ"),
  "other-kin": l("Other relative", "សាច់ញាតិផ្សេងទៀត"),
  unrelated: l("Not related", "មិនមែនសាច់ញាតិ"),
  // housing, livelihood
  suitable: l("Suitable", "សមរម្យ"),
  "needs-improvement": l("Needs improvement", "ត្រូវការកែលម្អ"),
  unsuitable: l("Unsuitable", "មិនសមរម្យ"),
  stable: l("Stable", "មានស្ថិរភាព"),
  irregular: l("Irregular", "មិនទៀងទាត់"),
  // family tracing
  "not-started": l("Not started", "មិនទាន់ចាប់ផ្តើម"),
  "in-progress": l("In progress", "កំពុងដំណើរការ"),
  traced: l("Family found", "បានរកឃើញគ្រួសារ"),
  "not-found": l("Not found", "រកមិនឃើញ"),
  deceased: l("Deceased", "បានទទួលមរណភាព"),
  // kind of family, placements
  "birth-family": l("Birth family", "គ្រួសារបង្កើត"),
  kinship: l("Kinship care", "ការថែទាំដោយសាច់ញាតិ"),
  foster: l("Foster care", "ការថែទាំដោយគ្រួសារអុបត្ថម្ភ"),
  "residential-care": l("Residential care", "មណ្ឌលថែទាំកុមារ"),
  "transitional-shelter": l("Transitional shelter", "ជម្រកបណ្តោះអាសន្ន"),
  parents: l("With the parents", "នៅជាមួយឪពុកម្តាយ"),
  "community-based": l("Community-based care", "ការថែទាំផ្អែកលើសហគមន៍"),
  "independent-living": l("Independent living", "ការរស់នៅដោយខ្លួនឯង"),
  "other-residential": l("Other residential care", "ការថែទាំតាមមណ្ឌលផ្សេងទៀត"),
  // institutions
  "community-based-centre": l("Community-based centre", "មណ្ឌលផ្អែកលើសហគមន៍"),
  "day-centre": l("Day centre", "មណ្ឌលថែទាំពេលថ្ងៃ"),
  operating: l("Operating", "កំពុងដំណើរការ"),
  transitioning: l("Transitioning to community-based care", "កំពុងផ្លាស់ប្តូរទៅការថែទាំផ្អែកលើសហគមន៍"),
  transitioned: l("Transitioned to community-based care", "បានផ្លាស់ប្តូរទៅការថែទាំផ្អែកលើសហគមន៍"),
  closed: l("Closed", "បានបិទ"),
  "minimum-standards-not-met": l("Minimum standards not met", "មិនបំពេញតាមស្តង់ដារអប្បបរមា"),
  "abuse-reports": l("Reports of abuse", "មានរបាយការណ៍អំពីការរំលោភបំពាន"),
  "insufficient-funds": l("Insufficient funds", "ខ្វះថវិកា"),
  voluntary: l("Voluntary", "ដោយស្ម័គ្រចិត្ត"),
  "above-minimum": l("Above minimum standards", "លើសស្តង់ដារអប្បបរមា"),
  "below-not-critical": l("Below minimum standards, not critical", "ក្រោមស្តង់ដារអប្បបរមា មិនធ្ងន់ធ្ងរ"),
  "below-critical": l("Below minimum standards, critical", "ក្រោមស្តង់ដារអប្បបរមា ធ្ងន់ធ្ងរ"),
  // reasons for admission, risk factors
  poverty: l("Poverty", "ភាពក្រីក្រ"),
  "access-to-education": l("Access to education", "ដើម្បីទទួលបានការអប់រំ"),
  "orphaned-both-parents": l("Lost both parents", "កំព្រាទាំងឪពុក និងម្តាយ"),
  "orphaned-one-parent": l("Lost one parent", "កំព្រាឪពុក ឬម្តាយ"),
  abandonment: l("Abandonment", "ការបោះបង់ចោល"),
  "physical-abuse": l("Physical abuse", "ការរំលោភបំពានលើរាងកាយ"),
  "sexual-abuse": l("Sexual abuse", "ការរំលោភបំពានផ្លូវភេទ"),
  "emotional-abuse": l("Emotional abuse", "ការរំលោភបំពានផ្លូវចិត្ត"),
  neglect: l("Neglect", "ការធ្វេសប្រហែស"),
  "domestic-violence": l("Domestic violence", "អំពើហិង្សាក្នុងគ្រួសារ"),
  "parental-illness": l("Parent's illness", "ជំងឺរបស់ឪពុក ឬម្តាយ"),
  "parental-imprisonment": l("Parent in prison", "ឪពុក ឬម្តាយជាប់ពន្ធនាគារ"),
  "parental-migration": l("Parent migrated for work", "ឪពុក ឬម្តាយចំណាកស្រុករកការងារ"),
  disability: l("Disability", "ពិការភាព"),
  trafficking: l("Trafficking", "ការជួញដូរមនុស្ស"),
  exploitation: l("Exploitation", "ការកេងប្រវ័ញ្ច"),
  "family-breakdown": l("Family breakdown", "ការបែកបាក់គ្រួសារ"),
  "alcohol-use": l("Alcohol use", "ការប្រើប្រាស់គ្រឿងស្រវឹង"),
  "drug-use": l("Drug use", "ការប្រើប្រាស់គ្រឿងញៀន"),
  gambling: l("Gambling", "ល្បែងស៊ីសង"),
  "living-in-public-places": l("Living in public places", "រស់នៅតាមទីសាធារណៈ"),
  "not-attending-school": l("Not attending school", "មិនបានទៅសាលារៀន"),
  "forced-marriage": l("Forced marriage", "ការរៀបការដោយបង្ខំ"),
  migration: l("Migration", "ការចំណាកស្រុក"),
  "labour-exploitation": l("Labour exploitation", "ការកេងប្រវ័ញ្ចកម្លាំងពលកម្ម"),
  "worst-forms-of-child-labour": l("Worst forms of child labour", "ទម្រង់ធ្ងន់ធ្ងរបំផុតនៃពលកម្មកុមារ"),
  unmitigated: l("Not yet reduced", "មិនទាន់កាត់បន្ថយ"),
  "mitigation-in-progress": l("Being reduced", "កំពុងកាត់បន្ថយ"),
  mitigated: l("Reduced", "បានកាត់បន្ថយ"),
  high: l("High", "ខ្ពស់"),
  medium: l("Medium", "មធ្យម"),
  low: l("Low", "ទាប"),
  // assessments
  child: l("Child assessment", "ការវាយតម្លៃកុមារ"),
  family: l("Family assessment", "ការវាយតម្លៃគ្រួសារ"),
  home: l("Home assessment", "ការវាយតម្លៃលំនៅដ្ឋាន"),
  readiness: l("Readiness assessment", "ការវាយតម្លៃការត្រៀមខ្លួន"),
  "can-reintegrate": l("Can return to the family", "អាចធ្វើសមាហរណកម្មទៅក្នុងគ្រួសារវិញបាន"),
  "cannot-reintegrate": l("Cannot return to the family", "មិនអាចធ្វើសមាហរណកម្មទៅក្នុងគ្រួសារវិញបានទេ"),
  "continue-case": l("Continue the case", "បន្តករណី"),
  "close-case": l("Close the case", "បិទករណី"),
  // follow-up visits
  A: l("A: good", "A៖ ល្អ"),
  B: l("B: some concerns", "B៖ មានការព្រួយបារម្ភខ្លះ"),
  C: l("C: serious concerns", "C៖ មានការព្រួយបារម្ភធ្ងន់ធ្ងរ"),
  "not-at-home": l("Not at home", "មិននៅផ្ទះ"),
  "at-school-or-work": l("At school or at work", "នៅសាលារៀន ឬកន្លែងធ្វើការ"),
  refused: l("Refused", "បដិសេធ"),
  moved: l("Moved away", "បានផ្លាស់ទីលំនៅ"),
  unwell: l("Unwell", "មិនស្រួលខ្លួន"),
  // child's views
  "direct-conversation": l("Direct conversation", "ការសន្ទនាផ្ទាល់"),
  "play-or-drawing": l("Play or drawing", "តាមរយៈការលេង ឬគំនូរ"),
  observation: l("Observation", "ការសង្កេត"),
  "through-trusted-adult": l("Through a trusted adult", "តាមរយៈមនុស្សពេញវ័យដែលកុមារទុកចិត្ត"),
  written: l("In writing", "ជាលាយលក្ខណ៍អក្សរ"),
  "yes-soon": l("Yes, soon", "ចង់ ឆាប់ៗនេះ"),
  "yes-later": l("Yes, later", "ចង់ ប៉ុន្តែនៅពេលក្រោយ"),
  "not-sure": l("Not sure", "មិនប្រាកដ"),
  no: l("No", "មិនចង់"),
  // best-interest determination
  "social-worker": l("Social worker", "បុគ្គលិកសង្គមកិច្ច"),
  "case-manager": l("Case manager", "អ្នកគ្រប់គ្រងករណី"),
  "government-official": l("Government official", "មន្ត្រីរាជការ"),
  psychologist: l("Psychologist", "អ្នកចិត្តសាស្ត្រ"),
  health: l("Health worker", "បុគ្គលិកសុខាភិបាល"),
  education: l("Teacher or education officer", "គ្រូ ឬមន្ត្រីអប់រំ"),
  community: l("Community representative", "តំណាងសហគមន៍"),
  reunification: l("Reunification with the family", "ការបង្រួបបង្រួមជាមួយគ្រួសារវិញ"),
  "local-integration": l("Local integration", "សមាហរណកម្មក្នុងមូលដ្ឋាន"),
  "maintain-current-arrangement": l("Keep the current arrangement", "រក្សាការរៀបចំបច្ចុប្បន្ន"),
  "change-current-arrangement": l("Change the current arrangement", "ផ្លាស់ប្តូរការរៀបចំបច្ចុប្បន្ន"),
  repatriation: l("Repatriation", "ការធ្វើមាតុភូមិនិវត្តន៍"),
  resettlement: l("Resettlement", "ការតាំងទីលំនៅថ្មី"),
  // contacts
  "family-visit-at-centre": l("Family visit at the centre", "គ្រួសារមកសួរសុខទុក្ខនៅមណ្ឌល"),
  "day-visit-home": l("Day visit home", "ទៅលេងផ្ទះពេលថ្ងៃ"),
  overnight: l("One night at home", "ស្នាក់នៅផ្ទះមួយយប់"),
  "multi-night": l("Several nights at home", "ស្នាក់នៅផ្ទះច្រើនយប់"),
  "monitoring-home-visit": l("Monitoring home visit", "ការចុះតាមដាននៅផ្ទះ"),
  phone: l("Phone call", "ការហៅទូរស័ព្ទ"),
  positive: l("Positive", "វិជ្ជមាន"),
  concerns: l("Concerns", "មានការព្រួយបារម្ភ"),
  incident: l("Incident", "មានឧប្បត្តិហេតុ"),
  // consent
  "caregiver-consent": l("Caregiver's consent", "ការយល់ព្រមរបស់អ្នកថែទាំ"),
  "child-assent": l("Child's assent", "ការយល់ព្រមរបស់កុមារ"),
  services: l("Services", "សេវា"),
  tracing: l("Family tracing", "ការស្វែងរកគ្រួសារ"),
  "information-sharing": l("Information sharing", "ការចែករំលែកព័ត៌មាន"),
  reporting: l("Reporting", "ការរាយការណ៍"),
  // support
  household: l("Household", "គ្រួសារ"),
  youth: l("Youth", "យុវជន"),
  cash: l("Cash", "សាច់ប្រាក់"),
  rent: l("Rent", "ថ្លៃជួលផ្ទះ"),
  "school-costs": l("School costs", "ថ្លៃសិក្សា"),
  livelihood: l("Livelihood", "មុខរបរចិញ្ចឹមជីវិត"),
  food: l("Food", "ម្ហូបអាហារ"),
  "one-off": l("Once", "តែម្តង"),
  weekly: l("Weekly", "ប្រចាំសប្តាហ៍"),
  monthly: l("Monthly", "ប្រចាំខែ"),
  quarterly: l("Every three months", "ប្រចាំត្រីមាស"),
  yearly: l("Yearly", "ប្រចាំឆ្នាំ"),
  KHR: l("Riel (KHR)", "រៀល (KHR)"),
  USD: l("US dollar (USD)", "ដុល្លារអាមេរិក (USD)"),
  // risk outcome (Primero Cambodia)
  "significant-harm": l("Significant harm", "គ្រោះថ្នាក់ធ្ងន់ធ្ងរ"),
  "needs-met-with-support": l("Needs can be met with support", "តម្រូវការអាចបំពេញបានដោយមានជំនួយ"),
  "no-risk-no-needs": l("No risk and no needs", "គ្មានហានិភ័យ និងគ្មានតម្រូវការ"),
  // scored domains
  emotionalSocial: l("Emotional and social", "ផ្លូវចិត្ត និងសង្គម"),
  safetyEnvironment: l("Safety of the environment", "សុវត្ថិភាពនៃបរិស្ថាន"),
  nutrition: l("Nutrition", "អាហារូបត្ថម្ភ"),
  basicCare: l("Basic care", "ការថែទាំជាមូលដ្ឋាន"),
  safetyStability: l("Safety and stability", "សុវត្ថិភាព និងស្ថិរភាព"),
  emotionalBonding: l("Emotional bonding", "ចំណងស្នេហាផ្លូវចិត្ត"),
  economicCapacity: l("Economic capacity", "សមត្ថភាពសេដ្ឋកិច្ច"),
  familyFunctioning: l("Family functioning", "ដំណើរការគ្រួសារ"),
  // witnesses
  "commune-chief": l("Commune or sangkat chief", "មេឃុំ ឬចៅសង្កាត់"),
  "village-chief": l("Village chief", "មេភូមិ"),
  // case-conference triggers
  "removal-from-carer": l("Removal from the caregiver", "ការដកកុមារចេញពីអ្នកថែទាំ"),
  "placement-in-alternative-care": l("Placement in alternative care", "ការដាក់ក្នុងការថែទាំជំនួស"),
  "complex-protection-case": l("Complex protection case", "ករណីការពារស្មុគស្មាញ"),
  "family-reunification": l("Family reunification", "ការបង្រួបបង្រួមគ្រួសារ"),
  "relocation-or-transfer": l("Relocation or transfer", "ការផ្លាស់ទីលំនៅ ឬការផ្ទេរ"),
  // residential care exceptions (UN Guidelines ¶22)
  emergency: l("Emergency", "ករណីបន្ទាន់"),
  "short-predetermined-time": l("For a short, set time", "សម្រាប់រយៈពេលខ្លីដែលបានកំណត់"),
  "siblings-together": l("To keep siblings together", "ដើម្បីរក្សាបងប្អូនបង្កើតនៅជាមួយគ្នា"),
  // youth activity
  "part-time": l("Part-time", "ក្រៅម៉ោង"),
  "full-time": l("Full-time", "ពេញម៉ោង"),
  "secondary-school": l("Secondary school", "មធ្យមសិក្សា"),
  "higher-education": l("Higher education", "ឧត្តមសិក្សា")
}

/**
 * Choice labels that depend on the question: keyed `<field name>.<value>`.
 *
 * @since 0.1.0
 */
export const choicesInContext: Readonly<Record<string, Label>> = {
  "recommendation.medical": l("Medical care", "ការថែទាំវេជ្ជសាស្ត្រ"),
  "optionsConsidered.medical": l("Medical care", "ការថែទាំវេជ្ជសាស្ត្រ"),
  "kind.residential-care": l("Residential care institution", "មណ្ឌលថែទាំកុមារ"),
  "type.CaseOpened": l("Case opened", "ករណីត្រូវបានបើក"),
  "type.WorkerAssigned": l("Social worker assigned", "បានចាត់តាំងបុគ្គលិកសង្គមកិច្ច"),
  "type.Assessed": l("Assessed", "បានវាយតម្លៃ"),
  "type.FamilyTraced": l("Family traced", "បានស្វែងរកគ្រួសារ"),
  "type.ViewsRecorded": l("Child's views recorded", "បានកត់ត្រាមតិកុមារ"),
  "type.BestInterestDetermined": l("Best interest determined", "បានកំណត់ឧត្តមប្រយោជន៍"),
  "type.ConsentRecorded": l("Consent recorded", "បានកត់ត្រាការយល់ព្រម"),
  "type.ConsentWithdrawn": l("Consent withdrawn", "បានដកការយល់ព្រម"),
  "type.PhaseAdvanced": l("Phase advanced", "បានឈានទៅដំណាក់កាលបន្ទាប់"),
  "type.PhaseSteppedBack": l("Phase stepped back", "បានថយក្រោយមួយដំណាក់កាល"),
  "type.ContactRecorded": l("Contact recorded", "បានកត់ត្រាទំនាក់ទំនង"),
  "type.IncidentReported": l("Incident reported", "បានរាយការណ៍ឧប្បត្តិហេតុ"),
  "type.IncidentResolved": l("Incident resolved", "បានដោះស្រាយឧប្បត្តិហេតុ"),
  "type.SupportScheduled": l("Support scheduled", "បានគ្រោងជំនួយ"),
  "type.SupportPaid": l("Support paid", "បានទូទាត់ជំនួយ"),
  "type.Reunified": l("Reunified", "បានបង្រួបបង្រួមជាមួយគ្រួសារ"),
  "type.Placed": l("Placed", "បានដាក់ឱ្យស្នាក់នៅ"),
  "type.MonitoringVisitRecorded": l("Monitoring visit recorded", "បានកត់ត្រាការចុះតាមដាន"),
  "type.ClosureAssessed": l("Closure assessed", "បានវាយតម្លៃមុនបិទករណី"),
  "type.BrokeDown": l("Broke down", "ការបង្រួបបង្រួមបានបរាជ័យ"),
  "type.CaseTransferred": l("Case transferred", "ករណីត្រូវបានផ្ទេរ"),
  "type.CaseClosed": l("Case closed", "ករណីត្រូវបានបិទ"),
  "type.CaseReopened": l("Case reopened", "ករណីត្រូវបានបើកឡើងវិញ"),
  "type.SafetyPlanRecorded": l("Safety plan recorded", "បានកត់ត្រាផែនការសុវត្ថិភាព"),
  "type.AgreementSigned": l("Agreement signed", "បានចុះហត្ថលេខាលើកិច្ចព្រមព្រៀង"),
  "type.CaseConferenceHeld": l("Case conference held", "បានធ្វើសន្និសីទករណី"),
  "type.CareExceptionRecorded": l("Care exception recorded", "បានកត់ត្រាករណីលើកលែង"),
  "type.ActivityRecorded": l("Activity recorded", "បានកត់ត្រាសកម្មភាព"),
  "type.Referred": l("Referred", "បានបញ្ជូន"),
  "type.ReferralAccepted": l("Referral accepted", "ការបញ្ជូនត្រូវបានទទួលយក"),
  "type.ReferralDeclined": l("Referral declined", "ការបញ្ជូនត្រូវបានបដិសេធ"),
  "type.ReferralCompleted": l("Referral completed", "ការបញ្ជូនបានបញ្ចប់"),
  "type.ReferralClosed": l("Referral closed", "ការបញ្ជូនត្រូវបានបិទ"),
  "type.TransferRequested": l("Transfer requested", "បានស្នើសុំការផ្ទេរ"),
  "type.TransferAccepted": l("Transfer accepted", "ការផ្ទេរត្រូវបានទទួលយក"),
  "type.TransferRejected": l("Transfer rejected", "ការផ្ទេរត្រូវបានបដិសេធ"),
  "type.ApprovalRequested": l("Approval requested", "បានស្នើសុំការអនុម័ត"),
  "type.ApprovalGranted": l("Approval granted", "បានអនុម័ត"),
  "type.ApprovalRejected": l("Approval refused", "ការអនុម័តត្រូវបានបដិសេធ"),
  "role.supervisor": l("Supervisor", "អ្នកត្រួតពិនិត្យ"),
  "serviceType.legal": l("Legal", "ផ្លូវច្បាប់"),
  "serviceType.psychosocial": l("Psychosocial", "ចិត្តសង្គម"),
  "serviceType.shelter": l("Shelter", "ទីជម្រក"),
  "serviceType.financial": l("Financial", "ហិរញ្ញវត្ថុ"),
  "declineReason.no-capacity": l("No capacity", "គ្មានលទ្ធភាពទទួល"),
  "declineReason.not-eligible": l("Not eligible", "មិនមានសិទ្ធិទទួល"),
  "declineReason.out-of-area": l("Out of the area served", "នៅក្រៅតំបន់សេវា"),
  "declineReason.service-unavailable": l("Service not available", "សេវាមិនមាន"),
  "declineReason.family-declined": l("The family declined", "គ្រួសារបានបដិសេធ"),
  "rejectReason.no-capacity": l("No capacity", "គ្មានលទ្ធភាពទទួល"),
  "rejectReason.not-eligible": l("Not eligible", "មិនមានសិទ្ធិទទួល"),
  "rejectReason.out-of-area": l("Out of the area served", "នៅក្រៅតំបន់សេវា"),
  "rejectReason.incomplete-information": l("Incomplete information", "ព័ត៌មានមិនគ្រប់គ្រាន់"),
  "step.closure": l("Closing the case", "ការបិទករណី"),
  "step.transfer": l("Transfer", "ការផ្ទេរ"),
  "step.referral": l("Referral", "ការបញ្ជូន"),
  "approverRoles.supervisor": l("Supervisor", "អ្នកត្រួតពិនិត្យ"),
  "approverRoles.manager": l("Manager", "អ្នកគ្រប់គ្រង"),
  "approverRoles.panel": l("Panel", "គណៈកម្មការ"),
  "role.manager": l("Manager", "អ្នកគ្រប់គ្រង"),
  "role.panel": l("Panel", "គណៈកម្មការ"),
  "role.system": l("Homeward (automatic)", "Homeward (ស្វ័យប្រវត្តិ)"),
  "role.data-import": l("Data import", "ការនាំចូលទិន្នន័យ"),
  "phase.intake": l("Intake", "ការទទួលករណី"),
  "phase.assessment": l("Assessment", "ការវាយតម្លៃ"),
  "phase.preparation": l("Preparation", "ការរៀបចំ"),
  "phase.gradual-contact": l("Gradual contact", "ការទំនាក់ទំនងជាបណ្តើរៗ"),
  "phase.reunified": l("Reunified", "បានបង្រួបបង្រួម"),
  "phase.returned-to-care": l("Returned to care", "បានត្រឡប់ទៅការថែទាំវិញ"),
  "phase.transferred": l("Transferred", "បានផ្ទេរ"),
  "closureReason.reintegration-complete": l("Reintegration complete", "ការធ្វើសមាហរណកម្មបានបញ្ចប់"),
  "closureReason.transferred": l("Transferred", "បានផ្ទេរ"),
  "closureReason.moved-cannot-be-found": l("Moved, cannot be found", "បានផ្លាស់ទីលំនៅ រកមិនឃើញ"),
  "closureReason.repatriated": l("Repatriated", "បានធ្វើមាតុភូមិនិវត្តន៍"),
  "closureReason.died": l("Died", "បានស្លាប់"),
  "closureReason.became-adult": l("Became an adult", "បានក្លាយជាមនុស្សពេញវ័យ"),
  "closureReason.refused-services": l("Refused services", "បានបដិសេធសេវា"),
  "closureReason.no-longer-needs-support": l("No longer needs support", "លែងត្រូវការជំនួយ"),
  "closureReason.breakdown": l("Breakdown", "ការបង្រួបបង្រួមបរាជ័យ"),
  "status.law": l("Law", "ច្បាប់"),
  "status.policy": l("Policy", "គោលនយោបាយ"),
  "status.guidance": l("Guidance", "គោលការណ៍ណែនាំ"),
  "status.practice": l("Practice", "ការអនុវត្ត"),
  "status.default-not-law": l("Homeward default, not law", "លំនាំដើមរបស់ Homeward មិនមែនច្បាប់"),
  "measure.visits": l("Visits", "ការមកលេង"),
  "measure.nights": l("Nights", "យប់"),
  "homewardDefaults.contactKinds": l("Kinds of contact", "ប្រភេទទំនាក់ទំនង"),
  "homewardDefaults.minPositiveContacts": l("Positive contacts needed", "ចំនួនទំនាក់ទំនងវិជ្ជមានដែលត្រូវការ"),
  "homewardDefaults.minDwellDays": l("Days at least in the step", "ចំនួនថ្ងៃយ៉ាងតិចក្នុងជំហាន"),
  "homewardDefaults.longDwellWarningDays": l("Warning after days in the step", "ការព្រមានក្រោយចំនួនថ្ងៃក្នុងជំហាន"),
  "homewardDefaults.weekly.min": l("Each week: at least", "ប្រចាំសប្តាហ៍៖ យ៉ាងតិច"),
  "homewardDefaults.weekly.max": l("Each week: at most", "ប្រចាំសប្តាហ៍៖ យ៉ាងច្រើន"),
  "homewardDefaults.weekly.weeks": l("Weeks in a row", "ចំនួនសប្តាហ៍ជាប់គ្នា"),
  "value.in-care-at-start": l("Children in care when the target took effect", "កុមារក្នុងការថែទាំនៅពេលគោលដៅចាប់ផ្តើម"),
  "value.all-in-programme": l("Every child in the programme", "កុមារទាំងអស់ក្នុងកម្មវិធី"),
  "domains.health": l("Health", "សុខភាព"),
  "domains.education": l("Education", "ការអប់រំ")
}

/**
 * Hints shown under a question.
 *
 * @since 0.1.0
 */
export const hints = {
  sensitive: l("[sensitive] Do not share.", "[ព័ត៌មានសម្ងាត់] សូមកុំចែករំលែក។"),
  id: l("A code, not a name.", "ជាកូដ មិនមែនឈ្មោះ។"),
  score: l("4 good, 3 fair, 2 poor, 1 very poor", "៤ ល្អ, ៣ មធ្យម, ២ ខ្សោយ, ១ ខ្សោយខ្លាំង")
} as const

const km = khmerDigits

/**
 * Messages shown when an answer is refused or missing.
 *
 * @since 0.1.0
 */
export const messages = {
  required: l("This answer is required.", "ត្រូវតែបំពេញចម្លើយនេះ។"),
  /** Required once any answer of a group (`group`) is given. */
  requiredWith: (group: Label): Label =>
    l(`Required once any answer in “${group.en}” is given.`, `ត្រូវតែបំពេញ នៅពេលមានចម្លើយណាមួយក្នុង «${group.km}»។`),
  id: l(
    "A code, not a name: 1–64 letters, digits or . _ : - (no spaces).",
    "ជាកូដ មិនមែនឈ្មោះ៖ អក្សរឡាតាំង លេខ ឬ . _ : - ពី ១ ដល់ ៦៤ តួ (គ្មានដកឃ្លា)។"
  ),
  pattern: l("Not in the expected form.", "ទម្រង់មិនត្រឹមត្រូវ។"),
  /** A text of at most `max` characters, not blank, without control characters. */
  text: (max: number): Label =>
    l(
      `Must not be blank; at most ${max} characters, and no control characters.`,
      `មិនអាចទទេបានទេ មិនលើសពី ${km(max)} តួអក្សរ ហើយគ្មានតួអក្សរបញ្ជា។`
    ),
  /** At most `max` characters, without control characters. */
  maxLength: (max: number): Label =>
    l(`At most ${max} characters, and no control characters.`, `មិនលើសពី ${km(max)} តួអក្សរ ហើយគ្មានតួអក្សរបញ្ជា។`),
  characters: l("No control characters.", "គ្មានតួអក្សរបញ្ជា។"),
  /** A number from `min` to `max`. */
  between: (min: number, max: number): Label => l(`Must be from ${min} to ${max}.`, `ត្រូវតែពី ${km(min)} ដល់ ${km(max)}។`),
  /** A number of `min` or more. */
  atLeast: (min: number): Label => l(`Must be ${min} or more.`, `ត្រូវតែ ${km(min)} ឬច្រើនជាងនេះ។`),
  /** A number more than `min`. */
  moreThan: (min: number): Label => l(`Must be more than ${min}.`, `ត្រូវតែលើសពី ${km(min)}។`),
  /** A number of `max` or less. */
  atMost: (max: number): Label => l(`Must be ${max} or less.`, `ត្រូវតែ ${km(max)} ឬតិចជាងនេះ។`),
  /** A real date from `from` to `to`. */
  date: (from: string, to: string): Label =>
    l(`A real date from ${from} to ${to}.`, `ត្រូវតែជាកាលបរិច្ឆេទពិតប្រាកដ ពី ${km(from)} ដល់ ${km(to)}។`),
  /** At most `max` choices. */
  selectedAtMost: (max: number): Label => l(`Choose at most ${max}.`, `ជ្រើសរើសមិនលើសពី ${km(max)}។`),
  /** The label of a count of a list's items. */
  countOf: (list: Label): Label => l(`Number of: ${list.en}`, `ចំនួន៖ ${list.km}`),
  /** A date on or after another field's date. */
  onOrAfter: (other: Label): Label => l(`Must be on or after “${other.en}”.`, `ត្រូវតែនៅថ្ងៃ ឬក្រោយ «${other.km}»។`)
} as const

const lookup = <T>(table: Readonly<Record<string, T>>, key: string): T | undefined =>
  Object.hasOwn(table, key) ? table[key] : undefined

/**
 * Whether this module has its own wording for a field (in context or by
 * name), rather than a label made from the name.
 *
 * @example
 * ```ts
 * import { FormLabels } from "@homeward/cli"
 *
 * FormLabels.hasFieldLabel("child", ["birth", "date"]) // true: worded in English and Khmer
 * ```
 *
 * @since 0.1.0
 */
export const hasFieldLabel = (type: string, path: ReadonlyArray<string>): boolean =>
  fieldLookup(type, path) !== undefined

const fieldLookup = (type: string, path: ReadonlyArray<string>): Label | undefined => {
  const name = path[path.length - 1] ?? ""
  const parent = path[path.length - 2]
  return (
    lookup(fieldsInContext, `${type}:${path.join(".")}`) ??
    (parent === undefined ? undefined : lookup(fieldsInContext, `${parent}.${name}`)) ??
    lookup(fields, name)
  )
}

/**
 * The label of the question for a field of a record type, by its path
 * (`["birth", "date"]`; list items are named `item`).
 *
 * @example
 * ```ts
 * import { FormLabels } from "@homeward/cli"
 *
 * const label = FormLabels.field("child", ["birth", "date"])
 * console.log(label.en, label.km)
 * ```
 *
 * @since 0.1.0
 */
export const field = (type: string, path: ReadonlyArray<string>): Label =>
  fieldLookup(type, path) ?? fromName(path[path.length - 1] ?? type)

/**
 * Whether this module has its own wording for a choice.
 *
 * @example
 * ```ts
 * import { FormLabels } from "@homeward/cli"
 *
 * FormLabels.hasChoiceLabel("sex", "female") // true
 * ```
 *
 * @since 0.1.0
 */
export const hasChoiceLabel = (fieldName: string, value: string): boolean =>
  lookup(choicesInContext, `${fieldName}.${value}`) !== undefined || lookup(choices, value) !== undefined

/**
 * The label of a choice of a field (`choice("sex", "female")`).
 *
 * @example
 * ```ts
 * import { FormLabels } from "@homeward/cli"
 *
 * FormLabels.choice("sex", "female").km // the Khmer label
 * ```
 *
 * @since 0.1.0
 */
export const choice = (fieldName: string, value: string): Label =>
  lookup(choicesInContext, `${fieldName}.${value}`) ?? lookup(choices, value) ?? fromName(value)

/**
 * The title of the form for a record type.
 *
 * @example
 * ```ts
 * import { FormLabels } from "@homeward/cli"
 *
 * FormLabels.title("child").en // "Homeward: …"
 * ```
 *
 * @since 0.1.0
 */
export const title = (type: string): Label => {
  const t = lookup(titles, type) ?? fromName(type)
  return l(`Homeward: ${t.en}`, `Homeward៖ ${t.km}`)
}
