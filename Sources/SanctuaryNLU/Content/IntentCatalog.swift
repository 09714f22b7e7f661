/// The intent ids fixed by the product (see the intent catalog); admins may add more, never remove these.
public enum IntentCatalog {
    public static let requiredIDs: [String] = [
        // services
        "get_city_id", "find_primary_care", "emergency_care_info", "pregnancy_child_health", "enroll_school",
        "find_food", "find_shelter", "housing_tenant_rights", "find_legal_help", "worker_rights",
        "report_city_problem", "search_directory",
        // rights
        "city_staff_ask_status", "benefits_immigration_risk", "kyr_door", "kyr_public_or_work", "warrant_check",
        "family_plan", "report_ice_activity", "status_options", "deportation_papers", "hardship_commission",
        "church_asylum", "report_crime_victim", "discrimination", "privacy_question",
        // sensitive
        "medical_emergency_now", "person_detained", "domestic_violence", "trafficking_exploitation",
        "self_harm_crisis", "unaccompanied_minor",
        // conversation control
        "greeting", "thanks_goodbye", "show_menu", "switch_language", "help_keyword", "stop_optout",
        "start_optin", "delete_my_data", "request_human", "out_of_scope", "unclear_clarify", "feedback",
    ]

    /// The intent answered when nothing in the domain matches.
    public static let outOfScope = "out_of_scope"
    /// The intent that asks one clarifying question.
    public static let clarify = "unclear_clarify"
}
