import SanctuaryText

/// Service categories: the taxonomy term codes the directory's attributes use, what each intent looks for, and
/// words in residents' messages (12 languages, Latin spellings such as Arabizi too) that point to a category.
public enum DirectoryCategories {
    /// Categories an intent asks for, most specific first. Intents not listed search by message words only.
    public static let intentCategories: [String: [String]] = [
        "find_food": ["food"],
        "find_shelter": ["shelter", "cold_weather", "housing"],
        "find_primary_care": ["medical", "dental", "health"],
        "emergency_care_info": ["medical", "health"],
        "pregnancy_child_health": ["pregnancy", "child_health", "health"],
        "find_legal_help": ["immigration_legal", "legal"],
        "status_options": ["immigration_legal", "legal"],
        "deportation_papers": ["immigration_legal", "legal"],
        "hardship_commission": ["immigration_legal", "legal"],
        "housing_tenant_rights": ["tenant", "housing", "legal"],
        "worker_rights": ["worker"],
        "trafficking_exploitation": ["worker", "dv"],
        "enroll_school": ["school", "childcare", "education"],
        "get_city_id": ["city_id"],
        "domestic_violence": ["dv"],
        "discrimination": ["legal"],
        "report_crime_victim": ["legal", "dv"],
        "benefits_immigration_risk": ["immigration_legal", "legal"],
    ]

    /// Flags: attribute term codes that allow a claim in the answer. Nothing else (certainly not an empty
    /// required-document list) lets the answer say that no ID is needed or status is not asked.
    public static let noIDRequired = "no_id_required"
    public static let statusNotAsked = "status_not_asked"
    public static let anonymous = "anonymous"
    /// Terms that make a service a better answer when the resident mentions no insurance, papers or money.
    static let lowBarrierTerms: Set<String> = ["free", "no_insurance_needed", "anonymous", "status_not_asked", "no_id_required", "sliding_scale"]

    /// Categories shown only when asked for directly: a violence shelter is not a generic "bed for tonight".
    static let onlyWhenAsked: Set<String> = ["dv"]

    /// Message words per category. Written folded (lower case, accents removed as `AnalyzedText` does);
    /// a word of five letters or more also matches as a prefix ("zahnarzt" → "zahnarztpraxis"), and one of
    /// six or more inside a longer word ("zahnarzt" in "kinderzahnarzt"); shorter ones match whole words only. Phrases match whole words in order.
    static let keywords: [String: [String]] = [
        "dental": [
            "dentist", "dental", "tooth", "teeth", "toothache", "zahnarzt", "zahnarztin", "zahn", "zahne", "zahnarzte", "zahnschmerz",
            "dentista", "diente", "dientes", "muela", "muelas", "dentaire", "dents", "dent", "dentiste", "dente", "dentes",
            "dis", "disci", "dis agrisi", "dis hekimi", "зуб", "зуби", "зубы", "зубний", "зубной", "зубная", "стоматолог", "дантист",
            "اسنان", "الاسنان", "سني", "سنان", "ضرس", "ضرسي", "طبيب اسنان", "sinni", "sini", "snani", "asnan", "snan", "dirs", "ders", "dersi",
            "دندان", "دندونم", "دندانپزشک", "dandan", "dandoon", "dandoun", "dandanam", "غاښ", "غاښونه", "ghash", "ghas",
            "ስኒ", "ስነይ", "ስኒታት", "sini", "zub", "zuby", "zubnoi", "zubnyi", "stomatolog",
        ],
        "medical": [
            "doctor", "doc", "clinic", "medical", "sick", "fever", "nurse", "medicine", "arzt", "arzte", "arztin", "arztpraxis", "hausarzt",
            "krank", "krankenschein", "klinik", "medizin", "medibur", "medinetz", "clearingstelle", "sprechstunde",
            "medico", "medica", "clinica", "enfermo", "enferma", "fiebre", "consulta", "medecin", "docteur", "clinique", "malade",
            "posto de saude", "doente", "doktor", "hastane", "hasta", "klinik", "hekim",
            "лікар", "лікарня", "хворий", "хвора", "хворіє", "клінік", "врач", "врача", "доктор", "больниц", "клиник", "болею", "болит", "болить",
            "طبيب", "دكتور", "مستشفى", "عيادة", "مريض", "مريضة", "tabib", "daktor", "doktor", "mostashfa", "mustashfa", "3iyada", "3yada", "marid",
            "دکتر", "پزشک", "بیمارستان", "درمانگاه", "مریض", "pezeshk", "bimarestan", "ډاکټر", "روغتون", "ناروغ", "daktar",
            "ሓኪም", "ሕማም", "ሆስፒታል", "hakim", "likar", "vrach",
        ],
        "health": [
            "health", "healthcare", "gesundheit", "salud", "sante", "saude", "saglik", "здоров", "صحة", "سلامت", "روغتیا", "ጥዕና",
        ],
        "food": [
            "food", "hungry", "eat", "meal", "meals", "pantry", "groceries", "food bank", "lunch", "dinner",
            "essen", "lebensmittel", "tafel", "hunger", "mahlzeit", "suppenkuche",
            "comida", "hambre", "despensa", "alimentos", "comer", "banco de comida", "nourriture", "faim", "manger", "repas",
            "banque alimentaire", "fome", "cesta basica", "yemek", "gida", "erzak", "ac",
            "їжа", "іжа", "їсти", "голод", "продукт", "еда", "поесть", "еду",
            "طعام", "اكل", "جوعان", "جوع", "akl", "akel", "ta3am", "jo3an", "jou3an", "ju3an",
            "غذا", "گرسنه", "خوراک", "ghaza", "gorosne", "khorak", "خواړه", "ډوډۍ", "وږی", "dodai",
            "ምግቢ", "ጥሜት", "migbi", "yizha", "eda",
        ],
        "shelter": [
            "shelter", "bed", "homeless", "nowhere to sleep", "place to sleep", "sleep tonight",
            "notunterkunft", "ubernachtung", "schlafplatz", "obdachlos", "unterkunft", "schlafen",
            "albergue", "refugio", "dormir", "sin hogar", "donde dormir", "refuge", "hebergement", "sans abri",
            "abrigo", "sem abrigo", "morador de rua", "barinak", "yatacak", "uyuyacak", "evsiz",
            "притулок", "ночівл", "спати", "бездомн", "приют", "ночлег", "ночевать", "спать",
            "مأوى", "ماوى", "انام", "مكان للنوم", "ma2wa", "anam", "wen anam",
            "سرپناه", "خوابیدن", "بی خانمان", "khabidan", "ویده", "شپه", "ደቀስ", "መዕቆቢ", "ምድቃስ",
        ],
        "cold_weather": [
            "cold", "freezing", "winter", "kalte", "kaltebus", "frio", "froid", "grand froid", "soguk", "холод", "мороз",
            "برد", "البرد", "سرما", "sarma", "سړه", "ዝሒ",
        ],
        "housing": [
            "housing", "rent", "apartment", "landlord", "eviction", "wohnung", "miete", "vermieter", "vivienda", "renta", "alquiler",
            "desalojo", "logement", "loyer", "moradia", "aluguel", "despejo", "kira", "ev sahibi", "житло", "оренд", "квартир", "аренд",
            "жилье", "سكن", "ايجار", "اجار", "مسكن", "اجاره", "خانه", "کور", "ገዛ",
        ],
        "tenant": ["eviction", "landlord", "vermieter", "kundigung", "desalojo", "casero", "expulsion", "despejo", "выселен", "виселен"],
        "mental_health": [
            "stress", "depressed", "depression", "anxiety", "therapy", "therapist", "trauma", "psychisch", "psychologe", "angst",
            "ansiedad", "depresion", "psicologo", "psicologa", "anxiete", "psychologue", "ansiedade", "psikolog", "психолог",
            "نفسي", "نفسية", "روانشناس", "افسردگی",
        ],
        "pregnancy": [
            "pregnant", "pregnancy", "prenatal", "midwife", "birth", "schwanger", "schwangerschaft", "hebamme", "geburt",
            "embarazada", "embarazo", "parto", "enceinte", "grossesse", "sage femme", "gravida", "gravidez", "hamile",
            "вагітн", "беременн", "حامل", "الحمل", "7amel", "hamel", "7amil", "باردار", "بارداری", "حامله", "امیندواره", "ጥንሲ", "ነፍሰ ጾር",
        ],
        "child_health": [
            "vaccine", "vaccines", "vaccination", "shots", "pediatric", "pediatrician", "kinderarzt", "impfung", "impfen",
            "vacuna", "vacunas", "pediatra", "vaccin", "pediatre", "vacina", "asi", "щеплен", "прививк", "تطعيم", "لقاح",
            "واکسن", "واکسین", "ክታበት",
        ],
        "legal": [
            "lawyer", "attorney", "legal", "court", "anwalt", "anwaltin", "rechtsanwalt", "rechtsberatung", "gericht", "beratung",
            "abogado", "abogada", "corte", "avocat", "avocate", "juridique", "advogado", "advogada", "avukat", "hukuk",
            "адвокат", "юрист", "محامي", "محامى", "mo7ami", "muhami", "mu7ami", "وکیل", "vakil", "wakil", "ጠበቓ",
        ],
        "immigration_legal": [
            "immigration", "asylum", "visa", "deportation", "green card", "daca", "asyl", "aufenthalt", "abschiebung", "duldung",
            "inmigracion", "asilo", "deportacion", "papeles", "asile", "papiers", "imigracao", "iltica", "oturum",
            "убежищ", "иммиграц", "імміграц", "депортац", "لجوء", "اقامة", "ترحيل", "پناهندگی", "اقامت", "پناه",
        ],
        "worker": [
            "wage", "wages", "unpaid", "boss", "employer", "injured at work", "lohn", "arbeitgeber", "arbeitsrecht", "chef",
            "salario", "sueldo", "patron", "salaire", "patrao", "maas", "isveren", "зарплат", "роботодав", "работодател",
            "راتب", "معاش", "کارفرما", "مزد", "ደሞዝ",
        ],
        "school": [
            "school", "enroll", "enrollment", "kindergarten", "schule", "einschulung", "schulanmeldung", "escuela", "inscribir",
            "inscripcion", "ecole", "inscription", "escola", "matricula", "okul", "kayit", "школа", "школу", "школи", "школе", "مدرسة", "المدرسة", "madrasa",
            "مدرسه", "ښوونځی", "ቤት ትምህርቲ",
        ],
        "childcare": [
            "daycare", "childcare", "preschool", "kita", "kinderbetreuung", "guarderia", "creche", "kres", "садок", "садик",
            "روضة", "حضانة", "مهدکودک", "وړکتون",
        ],
        "city_id": [
            "city id", "id card", "idnyc", "municipal id", "identification", "id", "ausweis", "identificacion", "tarjeta de identidad",
            "carte d identite", "carteira", "kimlik", "посвідчення", "удостоверен", "هوية", "بطاقة", "کارت شناسایی", "تذکره", "መንነት",
        ],
        "dv": [
            "violence", "abuse", "abusive", "hits me", "hitting me", "beats me", "domestic", "gewalt", "frauenhaus", "schlagt mich",
            "violencia", "golpea", "maltrato", "me pega", "frappe", "bate", "siddet", "dovuyor", "насильств", "насили", "бьет",
            "عنف", "يضربني", "يضرب", "خشونت", "کتک", "تاوتریخوالی", "ዓመጽ",
        ],
        "library": [
            "library", "books", "computer", "internet", "wifi", "bibliothek", "bucherei", "biblioteca", "bibliotheque", "kutuphane",
            "бібліотек", "библиотек", "مكتبة", "کتابخانه", "کتابتون", "ቤት መጻሕፍቲ",
        ],
        "language_class": [
            "english class", "esl", "deutschkurs", "sprachkurs", "integrationskurs", "clases de ingles", "cours de francais",
            "curso de ingles", "almanca kursu", "курси", "курсы", "دورة لغة", "کلاس زبان",
        ],
    ]

    /// Words that say the resident lacks insurance, papers or money: services with low-barrier flags rank higher.
    static let barrierWords: [String] = [
        "insurance", "uninsured", "no papers", "no documents", "undocumented", "free", "versicherung", "versichert", "ohne papiere",
        "keine papiere", "papierlos", "kostenlos", "umsonst", "seguro", "sin papeles", "no tengo papeles", "indocumentado", "gratis", "assurance", "sans papiers", "gratuit", "sigorta", "ucretsiz", "страхов",
        "безкоштовн", "бесплатн", "ta2meen", "tameen", "تأمين", "تامين", "مجاني", "بیمه", "رایگان", "bime", "bimeh", "وړیا", "ነጻ",
    ]
}
