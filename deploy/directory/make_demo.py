#!/usr/bin/env python3
"""Writes the two demo directories (fictional organisations; 555 and +49 30 0000 numbers are not real):
riverside-us/*.csv (HSDS 3.0 tabular form) and flussstadt-de/services.json (HSDS 3.0 nested form).
Edit the tables below and run: python3 deploy/directory/make_demo.py"""
import csv, json, os

HERE = os.path.dirname(os.path.abspath(__file__))
LANG_NAMES = {"en": "English", "es": "Spanish", "ar": "Arabic", "fr": "French", "pt": "Portuguese", "ht": "Haitian Creole",
              "pl": "Polish", "zh": "Chinese", "so": "Somali", "ur": "Urdu", "fa": "Persian", "ps": "Pashto", "uk": "Ukrainian",
              "ru": "Russian", "ti": "Tigrinya", "tr": "Turkish", "de": "German", "ku": "Kurdish", "ro": "Romanian", "bg": "Bulgarian",
              "vi": "Vietnamese"}
WEEKDAYS = "MO,TU,WE,TH,FR"

# Each service: id, organisation, name, description, terms, languages, schedules [(freq, byday, opens, closes, valid_from, valid_to, description)],
# location (id, name, address or None, lat, lon), phones [(number, type)], documents, fees, assured_date, status
# A location id seen before reuses that place.
RIVERSIDE = [
 ("food-pantry", "Riverside Community Pantry", "Riverside Community Pantry", "Groceries for any household in Riverside, once a week.", ["food", "free", "no_id_required"], ["es", "en"],
  [("WEEKLY", "TU,TH", "10:00", "18:00"), ("WEEKLY", "SA", "09:00", "13:00")], ("loc-elm", "Pantry at Elm Street", "12 Elm St", 41.601, -88.012), [("(555) 010-0201", "voice")], [], "Free", "2026-10-01"),
 ("soup-kitchen", "St. Brigid Parish", "St. Brigid Soup Kitchen", "Hot lunch every day, no questions asked.", ["food", "free", "no_id_required"], ["en", "es"],
  [("WEEKLY", "", "11:30", "13:30")], ("loc-brigid", "St. Brigid Parish Hall", "410 Church Ave", 41.604, -88.020), [("(555) 010-0202", "voice")], [], "Free", "2026-09-15"),
 ("mobile-market", "Harvest Hope Food Bank", "Eastside Mobile Food Market", "Fresh produce from a truck, first and third Saturday of the month.", ["food", "free"], ["en", "es", "ar"],
  [("MONTHLY", "1SA,3SA", "09:00", "12:00")], ("loc-eastpark", "Eastside Park parking lot", "2200 E River Rd", 41.598, -87.990), [("(555) 010-0203", "voice")], [], "Free", "2026-10-10"),
 ("masjid-pantry", "Masjid Al-Noor", "Al-Noor Friday Food Pantry", "Groceries and halal meat after Friday prayer.", ["food", "free", "no_id_required"], ["ar", "en", "so", "ur"],
  [("WEEKLY", "FR", "13:00", "17:00")], ("loc-noor", "Masjid Al-Noor", "88 Maple Ave", 41.611, -88.005), [("(555) 010-0204", "voice")], [], "Free", "2026-09-20"),
 ("wic", "Riverside Health Department", "Riverside WIC Office", "Food benefits and nutrition advice for pregnant women, new mothers and children under 5. WIC is not public charge.", ["food", "pregnancy", "child_health"], ["en", "es", "fr", "ar"],
  [("WEEKLY", WEEKDAYS, "08:00", "16:30")], ("loc-health-dept", "Riverside Health Department", "300 Main St", 41.600, -88.000), [("(555) 010-0205", "voice"), ("(555) 010-0206", "text")], ["proof of address (any letter)", "child's birth certificate or passport"], "Free", "2026-08-30"),
 ("senior-lunch", "Northside Senior Center", "Northside Senior Lunch", "Lunch for people 60 and older.", ["food"], ["en", "pl", "es"],
  [("WEEKLY", WEEKDAYS, "11:00", "13:00")], ("loc-northside", "Northside Senior Center", "1500 N Lake St", 41.625, -88.010), [("(555) 010-0207", "voice")], ["any ID showing age 60+"], "Suggested donation $2", "2026-07-12"),
 ("food-bank-wed", "Harvest Hope Food Bank", "Harvest Hope Evening Distribution", "Boxes of groceries on Wednesday evenings, walk in.", ["food", "free", "no_id_required"], ["es", "en", "pt"],
  [("WEEKLY", "WE", "16:00", "19:00")], ("loc-harvest", "Harvest Hope Warehouse", "45 Industrial Dr", 41.590, -88.030), [("(555) 010-0208", "voice")], [], "Free", "2026-10-05"),
 ("community-fridge", "Oak Street Neighbors", "Oak Street Community Fridge", "Take what you need, leave what you can. Open day and night.", ["food", "free", "no_id_required", "anonymous"], [],
  [("WEEKLY", "", "00:00", "00:00")], ("loc-oak", None, "77 Oak St", 41.607, -88.015), [], [], "Free", "2026-10-20"),
 ("old-pantry", "Old Town Pantry", "Old Town Pantry", "Closed for good in 2025.", ["food"], ["en"],
  [("WEEKLY", "MO", "10:00", "12:00")], ("loc-oldtown", None, "5 Old Town Sq", 41.603, -88.009), [], [], None, "2025-06-01", "defunct"),
 ("emergency-shelter", "Riverside Shelter Network", "Riverside Emergency Shelter", "Beds for adults, first come first served; doors open at 7 pm.", ["shelter", "status_not_asked"], ["en", "es"],
  [("WEEKLY", "", "19:00", "07:00")], ("loc-shelter-main", "Riverside Emergency Shelter", "900 Water St", 41.596, -88.006), [("(555) 010-0210", "voice")], [], "Free", "2026-10-15"),
 ("warming-center", "City of Riverside", "Lincoln Warming Center", "Warm place to stay on cold nights, November 15 to March 15.", ["cold_weather", "shelter", "no_id_required"], ["en", "es"],
  [("WEEKLY", "", "20:00", "08:00", "2026-11-15", "2027-03-15")], ("loc-lincoln", "Lincoln Recreation Center", "250 Lincoln Blvd", 41.615, -88.025), [("311", "voice")], [], "Free", "2026-10-28"),
 ("family-shelter", "Hope House", "Hope House Family Shelter Intake", "Shelter for families with children; intake on weekdays.", ["shelter", "housing", "status_not_asked"], ["en", "es", "ar"],
  [("WEEKLY", WEEKDAYS, "09:00", "17:00")], ("loc-hope", "Hope House", "31 Birch St", 41.609, -88.031), [("(555) 010-0212", "voice")], [], "Free", "2026-09-01"),
 ("youth-dropin", "Riverside Youth Services", "Youth Drop-In Center (16-24)", "Meals, showers and a bed referral for young people 16 to 24.", ["shelter", "food"], ["en", "es"],
  [("WEEKLY", "", "10:00", "22:00")], ("loc-youth", "Youth Drop-In Center", "14 Market St", 41.602, -88.004), [("(555) 010-0213", "voice"), ("(555) 010-0214", "text")], [], "Free", "2026-10-02"),
 ("interfaith-nights", "Riverside Interfaith Council", "Interfaith Overnight Hospitality", "Overnight stays in rotating congregations in winter; meet at the bus stop on Main St.", ["shelter", "cold_weather"], ["en"],
  [("WEEKLY", "", "21:00", "06:30", "2026-12-01", "2027-02-28")], ("loc-interfaith", "Pickup point: Main St bus shelter", "500 Main St", 41.601, -88.001), [("(555) 010-0215", "voice")], [], "Free", "2026-10-30"),
 ("housing-desk", "Riverside Housing Authority", "Housing Help Desk", "Help with rent arrears, repairs and landlord problems.", ["housing", "tenant"], ["en", "es"],
  [("WEEKLY", "MO,TU,WE,TH", "09:00", "17:00")], ("loc-city-hall", "Riverside City Hall", "1 City Hall Plaza", 41.600, -88.003), [("(555) 010-0216", "voice")], [], "Free", "2026-08-15"),
 ("care-clinic", "Riverside Care", "Riverside Care Clinic", "Primary care for adults and children regardless of insurance; sliding-scale fees.", ["medical", "health", "status_not_asked", "no_insurance_needed", "sliding_scale"], ["en", "es", "ar", "fr"],
  [("WEEKLY", WEEKDAYS, "08:00", "18:00"), ("WEEKLY", "SA", "09:00", "13:00")], ("loc-care", "Riverside Care Clinic", "220 Main St", 41.600, -88.002), [("(555) 010-0220", "voice")], ["proof of income (pay stub or letter), if you have it"], "Sliding scale from $20", "2026-10-12"),
 ("dental-clinic", "Riverside Care", "Riverside Community Dental Clinic", "Dental care (check-ups, fillings, extractions, emergencies) without insurance; sliding-scale fees.", ["dental", "health", "status_not_asked", "no_insurance_needed", "sliding_scale"], ["en", "es", "ar"],
  [("WEEKLY", "MO,WE,TH", "08:30", "17:00"), ("WEEKLY", "TU", "12:00", "20:00")], ("loc-dental", "Riverside Community Dental Clinic", "18 Elm St", 41.601, -88.013), [("(555) 010-0221", "voice")], ["proof of income (any), if you have it"], "Sliding scale from $25", "2026-10-01"),
 ("smile-bus", "Smile Bus Riverside", "Smile Bus Children's Dental Van", "Free dental check-ups for children at schools, second Wednesday of the month.", ["dental", "child_health", "free"], ["es", "en"],
  [("MONTHLY", "2WE", "10:00", "15:00")], ("loc-lincoln-school", "Lincoln Elementary School", "260 Lincoln Blvd", 41.615, -88.026), [("(555) 010-0222", "voice")], [], "Free", "2026-09-10"),
 ("er-st-lukes", "St. Luke's Public Hospital", "St. Luke's Emergency Department", "Emergency care for everyone, 24 hours. Interpreters for all languages.", ["medical", "health"], ["en", "es", "ar", "fr", "pl", "zh"],
  [("WEEKLY", "", "00:00", "00:00")], ("loc-st-lukes", "St. Luke's Public Hospital", "1000 Hospital Dr", 41.620, -87.995), [("(555) 010-0224", "voice")], [], "Billing later; financial aid available", "2026-10-18"),
 ("westside-health", "Westside Health Center", "Westside Health Center", "Family doctors, women's health and prenatal care.", ["medical", "health", "pregnancy", "sliding_scale"], ["en", "es", "pt", "ht"],
  [("WEEKLY", WEEKDAYS, "09:00", "17:00")], ("loc-westside", "Westside Health Center", "75 W 5th St", 41.599, -88.040), [("(555) 010-0225", "voice")], [], "Sliding scale", "2026-09-25"),
 ("prenatal-clinic", "Riverside Health Department", "Prenatal and Baby Clinic", "Prenatal check-ups, birth planning and baby visits.", ["pregnancy", "child_health", "status_not_asked"], ["es", "en", "ar"],
  [("WEEKLY", "TU,TH", "09:00", "16:00")], ("loc-health-dept", None, None, None, None), [("(555) 010-0226", "voice")], [], "Free", "2026-10-03"),
 ("immunization", "Riverside Health Department", "Immunization Clinic", "Vaccines for children and adults; no insurance needed.", ["child_health", "health", "free", "no_insurance_needed"], ["en", "es", "fr"],
  [("WEEKLY", "WE", "13:00", "18:00")], ("loc-health-dept", None, None, None, None), [("(555) 010-0227", "voice")], ["vaccination card, if you have one"], "Free", "2026-09-28"),
 ("counseling", "Open Minds Counseling", "Open Minds Counseling", "Counseling for stress, trauma and depression, in many languages.", ["mental_health", "health", "sliding_scale"], ["fa", "ar", "en", "es", "uk"],
  [("WEEKLY", WEEKDAYS, "10:00", "19:00")], ("loc-openminds", "Open Minds Counseling", "9 Cedar Ct", 41.612, -88.018), [("(555) 010-0228", "voice")], [], "Sliding scale", "2026-08-20"),
 ("grace-free-clinic", "Grace Church", "Grace Free Saturday Clinic", "Volunteer doctors, free visits and basic medicines on Saturday mornings.", ["medical", "health", "free", "no_insurance_needed", "no_id_required", "status_not_asked"], ["en", "es"],
  [("WEEKLY", "SA", "09:00", "13:00")], ("loc-grace", "Grace Church basement", "150 Pine St", 41.606, -88.027), [("(555) 010-0229", "voice")], [], "Free", "2026-10-11"),
 ("legal-defense", "Riverside Immigrant Legal Defense", "Immigrant Legal Defense", "Free immigration lawyers: deportation defense, asylum, DACA, family petitions.", ["immigration_legal", "legal", "free"], ["en", "es", "ar", "fr", "pt"],
  [("WEEKLY", WEEKDAYS, "09:00", "17:00")], ("loc-legal", "Riverside Immigrant Legal Defense", "40 Court St, Suite 3", 41.601, -88.006), [("(555) 010-0150", "voice")], [], "Free", "2026-10-14"),
 ("law-clinic", "Riverside University School of Law", "University Immigration Law Clinic", "Law students supervised by attorneys; consultations during the semester.", ["immigration_legal", "legal", "free"], ["en", "es"],
  [("WEEKLY", "TU,TH", "14:00", "18:00", "2026-08-24", "2026-12-11")], ("loc-university", "School of Law, Room 110", "2 University Ave", 41.630, -88.050), [("(555) 010-0231", "voice")], [], "Free", "2026-08-24"),
 ("tenant-hotline", "Riverside Tenants Union", "Tenant Rights Hotline", "Advice by phone on eviction, repairs and landlord threats.", ["tenant", "housing", "legal", "free"], ["en", "es"],
  [("WEEKLY", WEEKDAYS, "10:00", "16:00")], ("loc-tenant-virtual", "By phone", None, None, None, "virtual"), [("(555) 010-0232", "voice")], [], "Free", "2026-09-30"),
 ("refugee-services", "Riverside Refugee Services", "Refugee Services Office", "Case management, legal orientation and interpreters for refugees and asylum seekers.", ["immigration_legal", "legal"], ["en", "ar", "fa", "ps", "uk", "ru", "ti"],
  [("WEEKLY", WEEKDAYS, "09:00", "17:00")], ("loc-refugee", "Riverside Refugee Services", "60 Bridge St", 41.597, -88.008), [("(555) 010-0233", "voice")], [], "Free", "2026-10-07"),
 ("human-rights", "Riverside Commission on Human Rights", "Human Rights Commission Intake", "Report discrimination at work, in housing or in shops.", ["legal"], ["en", "es"],
  [("WEEKLY", WEEKDAYS, "09:00", "16:30")], ("loc-city-hall", None, None, None, None), [("(555) 010-0234", "voice")], [], "Free", "2026-09-05"),
 ("worker-center", "Riverside Worker Center", "Riverside Worker Center", "Unpaid wages, injuries at work, safety training; day laborer hiring hall.", ["worker", "status_not_asked"], ["es", "pt", "en"],
  [("WEEKLY", "MO,TU,WE,TH,FR,SA", "07:00", "12:00")], ("loc-worker", "Riverside Worker Center", "303 Rail St", 41.594, -88.015), [("(555) 010-0240", "voice")], [], "Free", "2026-10-09"),
 ("wage-clinic", "Riverside Worker Center", "Wage Theft Clinic", "Bring pay stubs, texts or notes of your hours; we help you claim unpaid wages.", ["worker", "legal", "free"], ["es", "en"],
  [("WEEKLY", "WE", "17:00", "20:00")], ("loc-worker", None, None, None, None), [("(555) 010-0241", "voice")], ["any proof of work (photos, texts, notes)"], "Free", "2026-10-09"),
 ("domestic-workers", "Domestic Workers Alliance", "Domestic Workers Alliance Office", "For nannies, cleaners and caregivers: contracts, wages, safety.", ["worker"], ["es", "en", "pl"],
  [("WEEKLY", "TH", "10:00", "14:00")], ("loc-dwa", "Domestic Workers Alliance", "11 Spring St", 41.603, -88.011), [("(555) 010-0242", "voice")], [], "Free", "2026-07-30"),
 ("welcome-center", "Riverside Public Schools", "Family Welcome Center", "School enrollment for all children; schools do not ask about immigration status.", ["school", "childcare", "status_not_asked"], ["en", "es", "ar", "fr", "zh", "so"],
  [("WEEKLY", WEEKDAYS, "08:00", "16:30")], ("loc-welcome", "Family Welcome Center", "120 School St", 41.605, -88.002), [("(555) 010-0170", "voice")], ["child's birth certificate or passport", "proof of address (any letter)", "vaccination record, if you have it"], "Free", "2026-09-12"),
 ("head-start", "Riverside Head Start", "Head Start Riverside", "Free preschool for children 3 to 5.", ["childcare", "school", "free"], ["es", "en"],
  [("WEEKLY", WEEKDAYS, "07:30", "17:30")], ("loc-headstart", "Head Start Riverside", "45 Garden St", 41.609, -88.004), [("(555) 010-0244", "voice")], ["child's birth certificate or passport"], "Free", "2026-08-28"),
 ("esl-classes", "Riverside Public Library", "Free English Classes (ESL)", "English classes for adults, all levels, Monday and Wednesday evenings.", ["language_class", "library", "free"], ["en", "es", "ar"],
  [("WEEKLY", "MO,WE", "18:00", "20:00")], ("loc-library", "Riverside Public Library, Main Branch", "100 Library Ln", 41.602, -88.001), [("(555) 010-0245", "voice")], [], "Free", "2026-09-18"),
 ("library-main", "Riverside Public Library", "Riverside Public Library, Main Branch", "Books, free computers and Wi-Fi; a library card works with the City ID.", ["library", "free"], ["en", "es"],
  [("WEEKLY", "MO,TU,WE,TH", "09:00", "20:00"), ("WEEKLY", "FR,SA", "09:00", "17:00"), ("WEEKLY", "SU", "13:00", "17:00")], ("loc-library", None, None, None, None), [("(555) 010-0246", "voice")], [], "Free", "2026-09-18"),
 ("safe-harbor", "Safe Harbor", "Safe Harbor Shelter", "Shelter and hotline for people leaving violence, 24 hours; the address is given by phone only.", ["dv", "shelter", "anonymous", "status_not_asked"], ["en", "es", "ar"],
  [("WEEKLY", "", "00:00", "00:00")], ("loc-safe-harbor", "Confidential location", None, None, None), [("(555) 010-0190", "voice"), ("(555) 010-0191", "text")], [], "Free", "2026-10-16"),
 ("dv-legal", "Safe Harbor", "Safe Harbor Legal Advocacy", "Protection orders, custody and U visa help for survivors.", ["dv", "legal", "free", "status_not_asked"], ["en", "es"],
  [("WEEKLY", WEEKDAYS, "09:00", "17:00")], ("loc-dv-legal", "Courthouse help desk", "40 Court St", 41.601, -88.006), [("(555) 010-0192", "voice")], [], "Free", "2026-10-16"),
 ("city-id", "City of Riverside", "Riverside City ID Office", "Municipal ID card for every resident age 14+, also a library card.", ["city_id", "status_not_asked"], ["en", "es", "ar", "pl"],
  [("WEEKLY", "MO,TU,WE,FR", "09:00", "16:00"), ("WEEKLY", "TH", "09:00", "19:00")], ("loc-city-hall", None, None, None, None), [("(555) 010-0160", "voice")], ["photo ID (foreign passport or consular ID accepted)", "proof of address in Riverside (any letter)"], "$10; free for seniors and youth", "2026-10-04"),
 ("city-id-mobile", "City of Riverside", "City ID Mobile Enrollment", "City ID sign-up at the library, second Saturday of the month.", ["city_id", "status_not_asked"], ["en", "es"],
  [("MONTHLY", "2SA", "10:00", "14:00")], ("loc-library", None, None, None, None), [("(555) 010-0160", "voice")], ["photo ID (foreign passport or consular ID accepted)", "proof of address in Riverside (any letter)"], "$10", "2026-10-04"),
]

FLUSSSTADT = [
 ("tafel-mitte", "Flussstädter Tafel e.V.", "Tafel Ausgabestelle Mitte", "Lebensmittel für Menschen mit wenig Geld.", ["food"], ["de", "ar", "ru", "uk"],
  [("WEEKLY", "TU,TH", "14:00", "17:00")], ("fl-tafel-mitte", "Tafel Mitte", "Marktstraße 4", 52.401, 13.051), [("+49 30 0000 1201", "voice")], ["Nachweis über geringes Einkommen (z. B. Bescheid)"], "1 € pro Einkauf", "2026-10-01"),
 ("tafel-nord", "Flussstädter Tafel e.V.", "Tafel Ausgabestelle Nord", "Lebensmittel für Menschen mit wenig Geld, Ausgabe am Samstag.", ["food"], ["de", "tr", "ar"],
  [("WEEKLY", "SA", "10:00", "13:00")], ("fl-tafel-nord", "Gemeindehaus Nord", "Lindenallee 22", 52.420, 13.049), [("+49 30 0000 1202", "voice")], ["Nachweis über geringes Einkommen (z. B. Bescheid)"], "1 € pro Einkauf", "2026-09-12"),
 ("suppenkueche", "Kirchengemeinde St. Martin", "Suppenküche St. Martin", "Warmes Mittagessen für alle, ohne Fragen.", ["food", "free", "no_id_required"], ["de", "pl", "ro"],
  [("WEEKLY", "", "12:00", "14:00")], ("fl-st-martin", "St. Martin, Gemeindesaal", "Kirchplatz 1", 52.405, 13.060), [("+49 30 0000 1203", "voice")], [], "Kostenlos", "2026-10-11"),
 ("bahnhofsmission", "Bahnhofsmission Flussstadt", "Bahnhofsmission Flussstadt", "Tee, Brote, Beratung und Weitervermittlung am Hauptbahnhof.", ["food", "shelter", "free", "no_id_required", "anonymous"], ["de", "en", "pl", "ru"],
  [("WEEKLY", "", "07:00", "22:00")], ("fl-bahnhof", "Hauptbahnhof, Gleis 1", "Bahnhofsplatz 1", 52.399, 13.066), [("+49 30 0000 1204", "voice")], [], "Kostenlos", "2026-10-20"),
 ("fairteiler", "Foodsharing Flussstadt", "Fairteiler am Hafen", "Öffentlicher Kühlschrank mit geretteten Lebensmitteln, Tag und Nacht.", ["food", "free", "no_id_required", "anonymous"], [],
  [("WEEKLY", "", "00:00", "00:00")], ("fl-hafen", None, "Hafenweg 3", 52.395, 13.070), [], [], "Kostenlos", "2026-10-05"),
 ("mittagstisch-moschee", "Islamische Gemeinde Flussstadt", "Mittagstisch der Moschee", "Warmes Essen am Freitag nach dem Gebet, für alle.", ["food", "free", "no_id_required"], ["ar", "tr", "de", "fa"],
  [("WEEKLY", "FR", "13:30", "15:30")], ("fl-moschee", "Moschee Flussstadt", "Uferstraße 17", 52.408, 13.044), [("+49 30 0000 1206", "voice")], [], "Kostenlos", "2026-09-26"),
 ("kaeltebus", "Stadtmission Flussstadt", "Kältebus", "Im Winter: Decken, heiße Getränke, Fahrt in eine Notübernachtung. Anrufen, der Bus kommt.", ["cold_weather", "shelter", "free", "no_id_required", "anonymous"], ["de", "en", "pl", "ru"],
  [("WEEKLY", "", "20:00", "02:00", "2026-11-01", "2027-03-31")], ("fl-kaeltebus", "Mobil im Stadtgebiet", None, None, None, "virtual"), [("+49 30 0000 1207", "voice")], [], "Kostenlos", "2026-10-29"),
 ("notuebernachtung", "Stadtmission Flussstadt", "Notübernachtung Am Wehr", "Schlafplätze für Männer, Einlass ab 18 Uhr.", ["shelter", "no_id_required", "status_not_asked"], ["de", "en", "pl", "ru", "ar"],
  [("WEEKLY", "", "18:00", "08:00")], ("fl-wehr", "Notübernachtung Am Wehr", "Am Wehr 9", 52.402, 13.039), [("+49 30 0000 1208", "voice")], [], "Kostenlos", "2026-10-18"),
 ("notuebernachtung-frauen", "Stadtmission Flussstadt", "Notübernachtung für Frauen", "Schlafplätze für Frauen, Einlass ab 19 Uhr.", ["shelter", "no_id_required", "status_not_asked"], ["de", "en", "ru", "uk"],
  [("WEEKLY", "", "19:00", "09:00")], ("fl-frauen-nacht", "Notübernachtung für Frauen", "Gartenstraße 12", 52.410, 13.055), [("+49 30 0000 1209", "voice")], [], "Kostenlos", "2026-10-18"),
 ("nachtcafe", "Kältehilfe Flussstadt", "Nachtcafé der Kältehilfe", "Warmer Raum und Suppe in Winternächten.", ["cold_weather", "shelter", "food", "free", "no_id_required"], ["de", "pl", "bg"],
  [("WEEKLY", "FR,SA,SU", "21:00", "07:00", "2026-11-01", "2027-03-31")], ("fl-st-martin", None, None, None, None), [("+49 30 0000 1210", "voice")], [], "Kostenlos", "2026-10-29"),
 ("jugendnotdienst", "Jugendamt Flussstadt", "Jugendnotdienst", "Hilfe und Unterkunft für Kinder und Jugendliche in Not, rund um die Uhr.", ["shelter", "anonymous"], ["de", "en", "ar"],
  [("WEEKLY", "", "00:00", "00:00")], ("fl-jugend", "Jugendnotdienst", "Brückenstraße 30", 52.404, 13.047), [("+49 30 0000 1211", "voice")], [], "Kostenlos", "2026-10-02"),
 ("wohnungslosenhilfe", "Diakonie Flussstadt", "Beratungsstelle Wohnungslosenhilfe", "Beratung bei Wohnungsverlust, Postadresse, Hilfe bei Anträgen.", ["housing", "shelter"], ["de", "en", "pl"],
  [("WEEKLY", "MO,TU,TH", "09:00", "15:00")], ("fl-diakonie", "Diakonie-Haus", "Schillerstraße 5", 52.403, 13.058), [("+49 30 0000 1212", "voice")], [], "Kostenlos", "2026-09-14"),
 ("clearingstelle", "Clearingstelle Gesundheit Flussstadt", "Clearingstelle Gesundheit", "Beratung für Menschen ohne Krankenversicherung: Weg in die Versicherung oder anonymer Krankenschein. Daten gehen nicht an Behörden.", ["medical", "health", "status_not_asked", "anonymous", "no_insurance_needed"], ["de", "en", "ar", "ru", "ro", "bg"],
  [("WEEKLY", "MO,WE", "10:00", "16:00"), ("WEEKLY", "TH", "13:00", "18:00")], ("fl-gesundheitshaus", "Gesundheitshaus", "Luisenplatz 8", 52.400, 13.052), [("+49 30 0000 1301", "voice")], [], "Kostenlos", "2026-10-06"),
 ("anonymer-krankenschein", "Clearingstelle Gesundheit Flussstadt", "Anonymer Krankenschein", "Krankenschein ohne Namen für Menschen ohne Papiere und ohne Versicherung; Ausgabe nach kurzem Gespräch.", ["medical", "health", "anonymous", "status_not_asked", "no_insurance_needed", "free"], ["de", "en", "ar", "fr", "ru"],
  [("WEEKLY", "TU", "14:00", "18:00")], ("fl-gesundheitshaus", None, None, None, None), [("+49 30 0000 1302", "voice")], [], "Kostenlos", "2026-10-06"),
 ("medibuero", "Medibüro Flussstadt e.V.", "Medibüro Flussstadt", "Vermittlung zu Ärztinnen und Ärzten, die ohne Versicherung und ohne Papiere behandeln. Anonym und kostenlos.", ["medical", "dental", "health", "anonymous", "status_not_asked", "no_insurance_needed", "free"], ["de", "en", "fr", "es", "ar"],
  [("WEEKLY", "MO,TH", "16:00", "19:00")], ("fl-medibuero", "Medibüro im Stadtteilladen", "Wilhelmstraße 40", 52.407, 13.062), [("+49 30 0000 1303", "voice")], [], "Kostenlos", "2026-09-29"),
 ("mmm", "Malteser Hilfsdienst Flussstadt", "Malteser Medizin für Menschen ohne Krankenversicherung", "Allgemeinmedizin für Menschen ohne Versicherung.", ["medical", "health", "no_insurance_needed", "free"], ["de", "en", "ru", "pl"],
  [("WEEKLY", "TU,WE,TH,FR", "09:00", "13:00")], ("fl-malteser", "Malteser Praxis", "Am Stadtpark 3", 52.412, 13.046), [("+49 30 0000 1304", "voice")], [], "Kostenlos", "2026-09-20"),
 ("zahn-sprechstunde", "Zahnärztliche Hilfe Flussstadt e.V.", "Zahnärztliche Sprechstunde ohne Versicherung", "Zahnarzt für Schmerzen, Füllungen und Ziehen, auch ohne Krankenversicherung.", ["dental", "health", "no_insurance_needed", "status_not_asked", "free"], ["de", "ar", "fa", "tr", "en"],
  [("WEEKLY", "WE", "14:00", "18:00"), ("WEEKLY", "FR", "09:00", "12:00")], ("fl-zahn", "Zahnpraxis im Gesundheitshaus", "Luisenplatz 8, 2. OG", 52.400, 13.052), [("+49 30 0000 1305", "voice")], [], "Kostenlos", "2026-10-08"),
 ("zahnmobil", "Zahnärztliche Hilfe Flussstadt e.V.", "Zahnmobil", "Zahnärztliche Behandlung im Bus für Wohnungslose und Menschen ohne Versicherung.", ["dental", "health", "free", "no_insurance_needed", "no_id_required"], ["de", "pl", "ru"],
  [("WEEKLY", "MO,TH", "10:00", "14:00")], ("fl-bahnhof", None, None, None, None), [("+49 30 0000 1306", "voice")], [], "Kostenlos", "2026-10-08"),
 ("notaufnahme", "Städtisches Klinikum Flussstadt", "Zentrale Notaufnahme", "Notfallbehandlung rund um die Uhr, auch ohne Krankenschein.", ["medical", "health"], ["de", "en"],
  [("WEEKLY", "", "00:00", "00:00")], ("fl-klinikum", "Städtisches Klinikum", "Klinikumsallee 1", 52.418, 13.038), [("+49 30 0000 1307", "voice")], [], "Abrechnung später; Sozialdienst hilft", "2026-10-15"),
 ("schwangerenberatung", "pro familia Flussstadt", "Schwangerenberatung", "Beratung in der Schwangerschaft, Hebammensuche, Hilfe bei Anträgen, auch ohne Versicherung.", ["pregnancy", "health", "free"], ["de", "en", "ar", "fa", "tr"],
  [("WEEKLY", "MO,TU,TH", "09:00", "17:00")], ("fl-profamilia", "pro familia", "Goethestraße 14", 52.406, 13.050), [("+49 30 0000 1308", "voice")], [], "Kostenlos", "2026-09-17"),
 ("impfsprechstunde", "Gesundheitsamt Flussstadt", "Impfsprechstunde für Kinder", "Impfungen und Kinderuntersuchungen, kostenlos.", ["child_health", "health", "free"], ["de", "en", "ar", "uk"],
  [("WEEKLY", "WE", "08:00", "12:00")], ("fl-gesundheitsamt", "Gesundheitsamt", "Rathausstraße 2", 52.401, 13.049), [("+49 30 0000 1309", "voice")], ["Impfpass, falls vorhanden"], "Kostenlos", "2026-09-09"),
 ("psz", "Psychosoziales Zentrum Flussstadt", "Psychosoziales Zentrum für Geflüchtete", "Therapie und Beratung nach Flucht und Trauma, mit Dolmetschenden.", ["mental_health", "health", "free"], ["de", "fa", "ar", "ti", "ps", "ku"],
  [("WEEKLY", WEEKDAYS, "09:00", "16:00")], ("fl-psz", "PSZ", "Mühlenweg 6", 52.413, 13.061), [("+49 30 0000 1310", "voice")], [], "Kostenlos", "2026-08-27"),
 ("fluechtlingsrat", "Flüchtlingsrat Flussstadt e.V.", "Flüchtlingsrat Beratung", "Asyl- und Aufenthaltsberatung, Hilfe bei Abschiebungsandrohung und Härtefällen.", ["immigration_legal", "legal", "free"], ["de", "en", "ar", "fa", "fr", "ti"],
  [("WEEKLY", "MO,WE", "10:00", "16:00"), ("WEEKLY", "TH", "14:00", "19:00")], ("fl-fluechtlingsrat", "Flüchtlingsrat", "Lessingstraße 21", 52.409, 13.048), [("+49 30 0000 1401", "voice")], [], "Kostenlos", "2026-10-13"),
 ("law-clinic", "Refugee Law Clinic Flussstadt", "Refugee Law Clinic", "Rechtsberatung durch Studierende unter Anleitung von Anwältinnen und Anwälten.", ["immigration_legal", "legal", "free"], ["de", "en", "ar", "fr", "es"],
  [("WEEKLY", "TU", "16:00", "19:00", "2026-10-13", "2027-02-12")], ("fl-uni", "Universität, Juridicum Raum 014", "Universitätsplatz 1", 52.415, 13.057), [], [], "Kostenlos", "2026-10-13"),
 ("asylverfahrensberatung", "Caritas Flussstadt", "Asylverfahrensberatung", "Unabhängige Beratung zum Asylverfahren, Anhörung und Bescheid.", ["immigration_legal", "legal", "free"], ["de", "ar", "fa", "ps", "ti", "tr"],
  [("WEEKLY", "MO,TU,TH", "09:00", "15:00")], ("fl-caritas", "Caritas-Zentrum", "Domstraße 10", 52.404, 13.053), [("+49 30 0000 1403", "voice")], [], "Kostenlos", "2026-09-22"),
 ("mbe", "Caritas Flussstadt", "Migrationsberatung für Erwachsene", "Beratung zu Sprache, Arbeit, Wohnung, Behörden und Anträgen.", ["immigration_legal", "housing", "free"], ["de", "ru", "uk", "ar", "tr"],
  [("WEEKLY", WEEKDAYS, "09:00", "13:00")], ("fl-caritas", None, None, None, None), [("+49 30 0000 1404", "voice")], [], "Kostenlos", "2026-09-22"),
 ("mieterberatung", "Mieterverein Flussstadt", "Mieterberatung", "Beratung bei Kündigung, Mieterhöhung und Mängeln.", ["tenant", "housing", "legal"], ["de", "tr", "en"],
  [("WEEKLY", "TU,TH", "17:00", "19:00")], ("fl-mieterverein", "Mieterverein", "Bergstraße 7", 52.411, 13.059), [("+49 30 0000 1405", "voice")], [], "Erstberatung kostenlos", "2026-08-31"),
 ("antidiskriminierung", "Stadt Flussstadt", "Antidiskriminierungsstelle", "Beratung bei Diskriminierung bei Arbeit, Wohnung, Behörden.", ["legal", "free"], ["de", "en", "tr", "ar"],
  [("WEEKLY", "MO,WE", "09:00", "15:00")], ("fl-rathaus", "Rathaus, Zimmer 104", "Rathausstraße 1", 52.401, 13.050), [("+49 30 0000 1406", "voice")], [], "Kostenlos", "2026-09-03"),
 ("faire-mobilitaet", "DGB Bildungswerk", "Faire Mobilität Beratungsstelle", "Beratung zu Lohn, Arbeitszeit und Unfall für Beschäftigte aus Mittel- und Osteuropa.", ["worker", "free"], ["de", "pl", "ro", "bg", "ru", "uk"],
  [("WEEKLY", "MO,TU,WE,TH", "10:00", "16:00")], ("fl-dgb", "Gewerkschaftshaus", "Hafenstraße 25", 52.396, 13.068), [("+49 30 0000 1501", "voice")], [], "Kostenlos", "2026-10-01"),
 ("migrar", "ver.di Flussstadt", "MigrAr Flussstadt", "Arbeitsrechtliche Beratung für Menschen mit und ohne Papiere: Lohn, Kündigung, Unfall.", ["worker", "legal", "status_not_asked", "free"], ["de", "es", "en", "ar", "fr"],
  [("WEEKLY", "WE", "16:00", "19:00")], ("fl-dgb", None, None, None, None), [("+49 30 0000 1502", "voice")], [], "Kostenlos", "2026-10-01"),
 ("bildungsbuero", "Stadt Flussstadt", "Bildungsbüro: Schulanmeldung", "Anmeldung an Schulen für neu zugezogene Kinder; Schulen melden nicht an die Ausländerbehörde.", ["school", "status_not_asked"], ["de", "en", "ar", "uk", "ru", "fa"],
  [("WEEKLY", "MO,TU,TH", "08:00", "12:00"), ("WEEKLY", "TH", "14:00", "17:00")], ("fl-rathaus", None, None, None, None), [("+49 30 0000 1601", "voice")], ["Geburtsurkunde oder Pass des Kindes, falls vorhanden"], "Kostenlos", "2026-09-08"),
 ("familienzentrum", "Familienzentrum Flussstadt", "Familienzentrum Am Park", "Eltern-Kind-Gruppen, Beratung, Hilfe bei der Kita-Suche.", ["childcare", "school", "free"], ["de", "ar", "tr", "uk"],
  [("WEEKLY", WEEKDAYS, "09:00", "17:00")], ("fl-familienzentrum", "Familienzentrum", "Parkstraße 3", 52.413, 13.045), [("+49 30 0000 1602", "voice")], [], "Kostenlos", "2026-09-16"),
 ("kita-gutschein", "Jugendamt Flussstadt", "Kita-Gutschein-Stelle", "Antrag auf einen Kita-Platz.", ["childcare"], ["de", "en"],
  [("WEEKLY", "TU", "09:00", "12:00"), ("WEEKLY", "TH", "13:00", "18:00")], ("fl-jugendamt", "Jugendamt", "Brückenstraße 28", 52.404, 13.047), [("+49 30 0000 1603", "voice")], ["Geburtsurkunde des Kindes", "Meldebescheinigung"], "Kostenlos", "2026-08-19"),
 ("stadtbibliothek", "Stadtbibliothek Flussstadt", "Stadtbibliothek", "Bücher in vielen Sprachen, Computer, WLAN.", ["library", "free"], ["de", "en", "ar", "tr"],
  [("WEEKLY", "TU,WE,TH,FR", "10:00", "19:00"), ("WEEKLY", "SA", "10:00", "14:00")], ("fl-bibliothek", "Stadtbibliothek", "Am Markt 6", 52.402, 13.054), [("+49 30 0000 1701", "voice")], [], "Kostenlos", "2026-09-05"),
 ("sprachcafe", "Stadtbibliothek Flussstadt", "Sprachcafé Deutsch", "Deutsch sprechen üben, ohne Anmeldung.", ["language_class", "library", "free", "no_id_required"], ["de", "en", "ar", "fa", "uk"],
  [("WEEKLY", "WE", "17:00", "19:00")], ("fl-bibliothek", None, None, None, None), [], [], "Kostenlos", "2026-09-05"),
 ("vhs-integration", "Volkshochschule Flussstadt", "Integrationskurse der VHS", "Deutschkurse mit Orientierungskurs; Beratung zur Anmeldung.", ["language_class"], ["de", "en", "ar", "ru"],
  [("WEEKLY", "MO,WE", "10:00", "13:00")], ("fl-vhs", "Volkshochschule", "Schulstraße 9", 52.406, 13.043), [("+49 30 0000 1703", "voice")], ["Berechtigungsschein oder Zulassung, falls vorhanden"], "Meist kostenlos mit Berechtigung", "2026-08-25"),
 ("frauenhaus", "Frauen helfen Frauen Flussstadt e.V.", "Frauenhaus Flussstadt", "Schutz für Frauen und Kinder bei Gewalt, rund um die Uhr. Adresse nur telefonisch.", ["dv", "shelter", "anonymous", "status_not_asked"], ["de", "en", "ar", "tr", "ru", "fa"],
  [("WEEKLY", "", "00:00", "00:00")], ("fl-frauenhaus", "Geschützte Adresse", None, None, None), [("+49 30 0000 1801", "voice")], [], "Kostenlos", "2026-10-16"),
 ("frauenberatung", "Frauen helfen Frauen Flussstadt e.V.", "Frauenberatungsstelle bei Gewalt", "Beratung bei häuslicher Gewalt, auch anonym.", ["dv", "anonymous", "free"], ["de", "en", "ar", "tr"],
  [("WEEKLY", WEEKDAYS, "09:00", "16:00")], ("fl-frauenberatung", "Frauenberatung", "Rosenstraße 2", 52.408, 13.057), [("+49 30 0000 1802", "voice")], [], "Kostenlos", "2026-10-16"),
 ("schuldnerberatung", "Diakonie Flussstadt", "Schuldner- und Sozialberatung", "Hilfe bei Schulden und Anträgen; zurzeit geschlossen wegen Umzug.", ["housing"], ["de"],
  [("WEEKLY", "WE", "09:00", "12:00")], ("fl-diakonie", None, None, None, None), [("+49 30 0000 1213", "voice")], [], "Kostenlos", "2026-09-14", "temporarily closed"),
]


def expand(services):
    """Fills defaults: location type, status."""
    out = []
    for s in services:
        sid, org, name, desc, terms, langs, scheds, loc, phones, docs, fees, assured = s[:12]
        status = s[12] if len(s) > 12 else "active"
        out.append(dict(id=sid, org=org, name=name, desc=desc, terms=terms, langs=langs, scheds=scheds, loc=loc,
                        phones=phones, docs=docs, fees=fees, assured=assured, status=status))
    return out


def slug(text):
    return "".join(c if c.isalnum() else "-" for c in text.lower()).strip("-").replace("--", "-")


def sched_fields(s):
    freq, byday, opens, closes = s[:4]
    vf = s[4] if len(s) > 4 else ""
    vt = s[5] if len(s) > 5 else ""
    return dict(freq=freq, byday=byday, opens_at=opens, closes_at=closes, valid_from=vf, valid_to=vt)


def riverside():
    out = os.path.join(HERE, "riverside-us")
    os.makedirs(out, exist_ok=True)
    rows = {k: [] for k in ["organizations", "services", "locations", "service_at_locations", "addresses", "phones", "schedules",
                            "languages", "attributes", "taxonomy_terms", "required_documents", "cost_options"]}
    orgs, locs, terms = {}, {}, {}
    n = 0
    for s in expand(RIVERSIDE):
        oid = "org-" + slug(s["org"])
        if oid not in orgs:
            orgs[oid] = True
            rows["organizations"].append(dict(id=oid, name=s["org"], description="", website="https://example.org/" + slug(s["org"]), email=""))
        sid = "svc-" + s["id"]
        rows["services"].append(dict(id=sid, organization_id=oid, name=s["name"], status=s["status"], description=s["desc"], url="", email="",
                                     eligibility_description="", application_process="Walk in or call.", fees_description=s["fees"] or "",
                                     interpretation_services="Phone interpreters available" if len(s["langs"]) > 3 else "",
                                     alert="", assured_date=s["assured"], last_modified=s["assured"] + "T09:00:00Z"))
        lid, lname, street, lat, lon = s["loc"][:5]
        ltype = s["loc"][5] if len(s["loc"]) > 5 else "physical"
        if lid not in locs:
            locs[lid] = True
            rows["locations"].append(dict(id=lid, location_type=ltype, name=lname or s["name"], latitude=lat if lat is not None else "",
                                          longitude=lon if lon is not None else "", transportation="Bus 4 or 7" if street else ""))
            if street:
                rows["addresses"].append(dict(id="addr-" + lid, location_id=lid, address_1=street, address_2="", city="Riverside",
                                              state_province="IL", postal_code="60599", country="US", address_type="physical"))
        salid = "sal-" + s["id"]
        rows["service_at_locations"].append(dict(id=salid, service_id=sid, location_id=lid, description=""))
        for i, (num, typ) in enumerate(s["phones"]):
            rows["phones"].append(dict(id=f"ph-{s['id']}-{i}", service_id=sid, location_id="", organization_id="", number=num, type=typ, description=""))
        for i, sc in enumerate(s["scheds"]):
            f = sched_fields(sc)
            rows["schedules"].append(dict(id=f"sch-{s['id']}-{i}", service_id="", location_id="", service_at_location_id=salid, **f, description=""))
        for code in s["langs"]:
            rows["languages"].append(dict(id=f"lang-{s['id']}-{code}", service_id=sid, location_id="", name=LANG_NAMES[code], code=code))
        for t in s["terms"]:
            if t not in terms:
                terms[t] = True
                rows["taxonomy_terms"].append(dict(id="term-" + t, code=t, name=t.replace("_", " "), description="", taxonomy="sanctuary"))
            rows["attributes"].append(dict(id=f"attr-{s['id']}-{t}", link_id=sid, link_type="", link_entity="service", taxonomy_term_id="term-" + t, value="true", label=""))
        for i, d in enumerate(s["docs"]):
            rows["required_documents"].append(dict(id=f"doc-{s['id']}-{i}", service_id=sid, document=d, uri=""))
        if s["fees"]:
            free = s["fees"].lower() == "free"
            rows["cost_options"].append(dict(id="cost-" + s["id"], service_id=sid, valid_from="", valid_to="", option=s["fees"],
                                             currency="USD", amount="0" if free else "", amount_description=s["fees"]))
        n += 1
    for table, items in rows.items():
        with open(os.path.join(out, table + ".csv"), "w", newline="", encoding="utf-8") as fh:
            w = csv.DictWriter(fh, fieldnames=list(items[0].keys()), lineterminator="\r\n")
            w.writeheader()
            w.writerows(items)
    return n


def flussstadt():
    out = os.path.join(HERE, "flussstadt-de")
    os.makedirs(out, exist_ok=True)
    services = []
    loc_full = {}
    for s in expand(FLUSSSTADT):
        lid, lname, street, lat, lon = s["loc"][:5]
        ltype = s["loc"][5] if len(s["loc"]) > 5 else "physical"
        if lid not in loc_full:
            loc = dict(id=lid, location_type=ltype, name=lname or s["name"])
            if lat is not None:
                loc.update(latitude=lat, longitude=lon)
            loc["addresses"] = [dict(id="addr-" + lid, address_1=street, city="Flussstadt", state_province="Brandenburg",
                                     postal_code="14999", country="DE", address_type="physical")] if street else []
            loc_full[lid] = loc
        svc = dict(id="svc-" + s["id"], name=s["name"], status=s["status"], description=s["desc"],
                   fees_description=s["fees"] or None, assured_date=s["assured"], last_modified=s["assured"] + "T09:00:00Z",
                   organization=dict(id="org-" + slug(s["org"]), name=s["org"], website="https://example.org/" + slug(s["org"])),
                   service_at_locations=[dict(id="sal-" + s["id"], location=loc_full[lid],
                                              schedules=[dict(id=f"sch-{s['id']}-{i}", **{k: v for k, v in sched_fields(sc).items() if v})
                                                         for i, sc in enumerate(s["scheds"])])],
                   phones=[dict(id=f"ph-{s['id']}-{i}", number=num, type=typ) for i, (num, typ) in enumerate(s["phones"])],
                   languages=[dict(id=f"lang-{s['id']}-{c}", name=LANG_NAMES[c], code=c) for c in s["langs"]],
                   attributes=[dict(id=f"attr-{s['id']}-{t}", value="true",
                                    taxonomy_term=dict(id="term-" + t, code=t, name=t.replace("_", " "), taxonomy="sanctuary"))
                               for t in s["terms"]],
                   required_documents=[dict(id=f"doc-{s['id']}-{i}", document=d) for i, d in enumerate(s["docs"])])
        services.append({k: v for k, v in svc.items() if v is not None})
    with open(os.path.join(out, "services.json"), "w", encoding="utf-8") as fh:
        json.dump({"services": services}, fh, ensure_ascii=False, indent=1)
        fh.write("\n")
    return len(services)


if __name__ == "__main__":
    print("riverside-us:", riverside(), "services")
    print("flussstadt-de:", flussstadt(), "services")
