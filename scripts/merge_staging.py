#!/usr/bin/env python3
"""Merges per-language content drafts (staging/<lang>.yaml, written one language at a time) into the
per-intent files admins edit (intents/<id>.yaml), the shared cue sets (intents/_cues.yaml) and the
don't-ask patterns (locales/_dont_ask.yaml). Existing examples in intents/ are kept; new ones are appended."""
import glob, json, os, sys, yaml

ORDER = ["en", "de", "es", "fr", "ar", "fa", "tr", "uk", "ru", "pt", "ps", "ti"]
META = {  # id: (category, handoff, raise rules [(to, [cue sets])], keyword list name)
    "get_city_id": ("services", "none", [], None),
    "find_primary_care": ("services", "none", [], None),
    "emergency_care_info": ("services", "none", [], None),
    "pregnancy_child_health": ("services", "none", [("handoff", ["danger"])], None),
    "enroll_school": ("services", "none", [], None),
    "find_food": ("services", "none", [], None),
    "find_shelter": ("services", "none", [("handoff", ["tonight"])], None),
    "housing_tenant_rights": ("services", "handoff", [], None),
    "find_legal_help": ("services", "handoff", [("urgent", ["deadline"])], None),
    "worker_rights": ("services", "handoff", [], None),
    "report_city_problem": ("services", "none", [], None),
    "search_directory": ("services", "none", [], None),
    "city_staff_ask_status": ("rights", "none", [], None),
    "benefits_immigration_risk": ("rights", "none", [], None),
    "kyr_door": ("rights", "urgent", [], None),
    "kyr_public_or_work": ("rights", "urgent", [], None),
    "warrant_check": ("rights", "urgent", [], None),
    "family_plan": ("rights", "none", [], None),
    "report_ice_activity": ("rights", "urgent", [], None),
    "status_options": ("rights", "handoff", [], None),
    "deportation_papers": ("rights", "urgent", [], None),
    "hardship_commission": ("rights", "handoff", [], None),
    "church_asylum": ("rights", "handoff", [], None),
    "report_crime_victim": ("rights", "handoff", [("urgent", ["danger"])], None),
    "discrimination": ("rights", "handoff", [], None),
    "privacy_question": ("rights", "none", [], None),
    "medical_emergency_now": ("sensitive", "urgent", [], None),
    "person_detained": ("sensitive", "urgent", [], None),
    "domestic_violence": ("sensitive", "handoff", [("urgent", ["now", "danger"])], None),
    "trafficking_exploitation": ("sensitive", "urgent", [], None),
    "self_harm_crisis": ("sensitive", "urgent", [], None),
    "unaccompanied_minor": ("sensitive", "urgent", [], None),
    "greeting": ("control", "none", [], None),
    "thanks_goodbye": ("control", "none", [], None),
    "show_menu": ("control", "none", [], "menu"),
    "switch_language": ("control", "none", [], "lang"),
    "help_keyword": ("control", "none", [], "help"),
    "stop_optout": ("control", "none", [], "stop"),
    "start_optin": ("control", "none", [], "start"),
    "delete_my_data": ("control", "none", [], "delete"),
    "request_human": ("control", "handoff", [], "human"),
    "out_of_scope": ("control", "none", [], None),
    "unclear_clarify": ("control", "none", [], None),
    "feedback": ("control", "none", [], None),
}

import re, unicodedata

def norm(s):
    """Roughly the linter's normalisation: case folding, no accents, words only."""
    s = unicodedata.normalize("NFKC", str(s)).casefold()
    s = "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")
    s = s.replace("\u200c", "").replace("\u200d", "")
    return " ".join(re.findall(r"[\w]+(?:['’][\w]+)*", s))

# Safety first: agents at the door, a stop, a paper shown are urgent unless the message is clearly hypothetical
# ("what if they come") and says nothing of "now" or danger.
LOWER = {
    "kyr_door": [("none", ["hypothetical"], ["now", "danger"])],
    "kyr_public_or_work": [("none", ["hypothetical"], ["now", "danger"])],
    "warrant_check": [("handoff", ["hypothetical"], ["now", "danger"])],
}

def q(s):
    return json.dumps(str(s), ensure_ascii=False)

def main(root):
    staged = {}
    for lang in ORDER:
        p = os.path.join(root, "staging", f"{lang}.yaml")
        if os.path.exists(p):
            staged[lang] = yaml.safe_load(open(p, encoding="utf-8"))
            for extra in sorted(glob.glob(os.path.join(root, "staging", f"{lang}.extra*.yaml"))):
                # more examples written separately: {examples: {intent: [..]}}
                more = (yaml.safe_load(open(extra, encoding="utf-8")) or {}).get("examples") or {}
                for iid, lines in more.items():
                    staged[lang].setdefault("examples", {}).setdefault(iid, [])
                    staged[lang]["examples"][iid] = list(staged[lang]["examples"][iid] or []) + list(lines or [])
    os.makedirs(os.path.join(root, "intents"), exist_ok=True)
    owner = {}  # (lang, normalised example) -> first intent that has it
    for iid in META:
        for lang, data in staged.items():
            for e in (data.get("examples") or {}).get(iid) or []:
                owner.setdefault((lang, norm(e)), iid)
    for iid, (cat, level, rules, kw) in META.items():
        lines = [f"id: {iid}", f"category: {cat}", f"handoff: {level}"]
        if rules:
            lines.append("raise:")
            for to, sets in rules:
                lines.append(f"  - to: {to}")
                lines.append(f"    when: [{', '.join(sets)}]")
        for to, sets, unless in LOWER.get(iid, []):
            if "lower:" not in lines:
                lines.append("lower:  # a hypothetical question without any sign of now or danger")
            lines.append(f"  - to: {to}")
            lines.append(f"    when: [{', '.join(sets)}]")
            lines.append(f"    unless: [{', '.join(unless)}]")
        if kw:
            lines.append("keywords:  # only when the whole message is this word")
            for lang, data in staged.items():
                words = [w for w in (data.get("keywords") or {}).get(kw) or [] if str(w).strip()]
                seen, uniq = set(), []
                for w in words:
                    k = str(w).strip().lower()
                    if k not in seen:
                        seen.add(k); uniq.append(str(w).strip())
                if uniq:
                    lines.append(f"  {lang}: [{', '.join(q(w) for w in uniq)}]")
        lines.append("examples:")
        for lang, data in staged.items():
            ex = (data.get("examples") or {}).get(iid) or []
            seen, uniq = set(), []
            for e in ex:
                k = norm(e)
                if not k or k in seen:
                    continue
                if owner.get((lang, k)) != iid:
                    print(f"  dropped from {iid} ({lang}): {e!r} (also in {owner.get((lang, k))})")
                    continue
                seen.add(k); uniq.append(str(e).strip())
            if not uniq:
                continue
            lines.append(f"  {lang}:")
            lines += [f"    - {q(e)}" for e in uniq]
        open(os.path.join(root, "intents", f"{iid}.yaml"), "w", encoding="utf-8").write("\n".join(lines) + "\n")
    cues = ["# Cue sets: phrases that raise an intent's handoff level when found inside a message",
            "# (matched at word starts after case folding and accent removal; a trailing * also matches longer words).",
            "always:  # cue sets that raise EVERY message, whatever its intent", "  danger: urgent", "cues:"]
    # `now` cues only raise the four intents that can be raised, so the audit's removals for precision are
    # undone for that set: earlier `now` cues are kept.
    before = {}
    bp = os.path.join(root, "staging", "_cues_before_audit.yaml")
    if os.path.exists(bp):
        before = (yaml.safe_load(open(bp, encoding="utf-8")) or {}).get("cues") or {}
    hypo = {}
    hp = os.path.join(root, "staging", "_hypothetical.yaml")
    if os.path.exists(hp):
        hypo = yaml.safe_load(open(hp, encoding="utf-8")) or {}
    for lang, data in staged.items():
        data.setdefault("cues", {})["hypothetical"] = hypo.get(lang) or []
    for name in ["now", "danger", "deadline", "tonight", "hypothetical"]:
        cues.append(f"  {name}:")
        for lang, data in staged.items():
            items = [str(c).strip() for c in ((data.get("cues") or {}).get(name) or []) if str(c).strip()]
            if name == "now":
                items += [str(c).strip() for c in ((before.get("now") or {}).get(lang) or []) if str(c).strip()]
            items = list(dict.fromkeys(items))
            if items:
                cues.append(f"    {lang}: [{', '.join(q(c) for c in items)}]")
    open(os.path.join(root, "intents", "_cues.yaml"), "w", encoding="utf-8").write("\n".join(cues) + "\n")
    da = ["# The don't-ask rule: no answer may match these (ICU regular expressions, case-insensitive, on folded text).",
          "# An answer that asks for immigration status, papers, nationality, country of birth, name or address fails lint."]
    for lang, data in staged.items():
        pats = [str(p) for p in (data.get("dont_ask") or [])]
        if pats:
            da.append(f"{lang}:")
            da += [f"  - {q(p)}" for p in pats]
    open(os.path.join(root, "locales", "_dont_ask.yaml"), "w", encoding="utf-8").write("\n".join(da) + "\n")
    print("merged:", ", ".join(staged))

if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else ".")
