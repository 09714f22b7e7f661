#!/usr/bin/env python3
"""Runs the same held-out lines through Sanctuary and through Python peers, in one run, and prints
accuracy and time per message side by side.

Peers: lingua-language-detector (high and low accuracy) and pycld2 for language; scikit-learn
(TF-IDF character n-grams + logistic regression, trained on the same intent files) for intents.

    pip install lingua-language-detector pycld2 scikit-learn pyyaml
    swift build -c release
    python3 scripts/peers/compare.py [--bin .build/release/sanctuary] [eval/dev]
"""
import argparse, glob, json, os, subprocess, sys, time
import yaml

LANGS = ["en", "de", "es", "fr", "ar", "fa", "tr", "uk", "ru", "pt", "ps", "ti"]


def load_dev(paths):
    lines = []
    for p in paths:
        files = sorted(glob.glob(os.path.join(p, "*.jsonl"))) if os.path.isdir(p) else [p]
        for f in files:
            for raw in open(f, encoding="utf-8"):
                if raw.strip():
                    lines.append(json.loads(raw))
    return lines


def load_training(intents_dir):
    texts, labels = [], []
    for f in sorted(glob.glob(os.path.join(intents_dir, "*.yaml"))):
        if os.path.basename(f).startswith("_"):
            continue
        doc = yaml.safe_load(open(f, encoding="utf-8"))
        for lang, examples in (doc.get("examples") or {}).items():
            for e in examples:
                texts.append(str(e)); labels.append(doc["id"])
    return texts, labels


def timed(fn, items):
    start = time.perf_counter()
    out = [fn(x) for x in items]
    return out, (time.perf_counter() - start) / max(1, len(items)) * 1e6


def accuracy(pred, gold, mask=None):
    pairs = [(p, g) for i, (p, g) in enumerate(zip(pred, gold)) if mask is None or mask[i]]
    return sum(p == g for p, g in pairs) / max(1, len(pairs)), len(pairs)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("paths", nargs="*", default=["eval/dev"])
    ap.add_argument("--bin", default=".build/release/sanctuary")
    ap.add_argument("--intents", default="intents")
    ap.add_argument("--locales", default="locales")
    args = ap.parse_args()
    dev = load_dev(args.paths)
    texts = [d["text"] for d in dev]
    gold_lang = [d["lang"].split("-")[0] for d in dev]
    gold_intent = [d["intent"] for d in dev]
    also = [set(d.get("also") or []) | {d["intent"]} for d in dev]
    rows = []

    # Sanctuary: one process, JSON Lines in and out; time measured around the whole batch (includes I/O).
    inp = "".join(json.dumps({"text": t}, ensure_ascii=False) + "\n" for t in texts)
    load_start = time.perf_counter()
    subprocess.run([args.bin, "classify", "--intents", args.intents, "--locales", args.locales, "--jsonl"],
                   input='{"text": "warm up"}\n', capture_output=True, text=True, check=True)
    load_only = time.perf_counter() - load_start
    start = time.perf_counter()
    proc = subprocess.run([args.bin, "classify", "--intents", args.intents, "--locales", args.locales, "--jsonl"],
                          input=inp, capture_output=True, text=True, check=True)
    total = time.perf_counter() - start
    ours = [json.loads(l) for l in proc.stdout.splitlines()]
    per_msg = max(0.0, total - load_only) / len(texts) * 1e6
    s_lang = [o["lang"] for o in ours]
    s_int = [o["intent"] for o in ours]
    int_acc = sum(p in a for p, a in zip(s_int, also)) / len(dev)
    rows.append(("sanctuary CLI --jsonl", accuracy(s_lang, gold_lang)[0], int_acc, per_msg,
                 "whole CLI: JSON in/out per line; time = batch minus process start and training"))
    bench = os.path.join(os.path.dirname(args.bin), "sanctuary-bench")
    if os.path.exists(bench):
        out = subprocess.run([bench, "--intents", args.intents, "--locales", args.locales, *args.paths,
                              "--passes", "3", "--no-stages"], capture_output=True, text=True).stdout
        median = next((l for l in out.splitlines() if l.startswith("classify:")), "")
        try:
            us = float(median.split("median ")[1].split(" ")[0])
        except (IndexError, ValueError):
            us = None
        rows.append(("sanctuary in-process", accuracy(s_lang, gold_lang)[0], int_acc, us,
                     "IntentEngine.classify median (sanctuary-bench, release): language + intent + handoff"))

    # Language peers.
    try:
        from lingua import Language, LanguageDetectorBuilder
        iso = {"en": "ENGLISH", "de": "GERMAN", "es": "SPANISH", "fr": "FRENCH", "ar": "ARABIC", "fa": "PERSIAN",
               "tr": "TURKISH", "uk": "UKRAINIAN", "ru": "RUSSIAN", "pt": "PORTUGUESE"}
        langs = [getattr(Language, v) for v in iso.values()]
        back = {getattr(Language, v): k for k, v in iso.items()}
        for mode in ["low", "high"]:
            b = LanguageDetectorBuilder.from_languages(*langs)
            det = (b.with_low_accuracy_mode() if mode == "low" else b).build()
            pred, us = timed(lambda t: back.get(det.detect_language_of(t), "?"), texts)
            supported = [g in iso for g in gold_lang]
            acc_sup, n_sup = accuracy(pred, gold_lang, supported)
            rows.append((f"lingua {mode}", accuracy(pred, gold_lang)[0], None, us,
                         f"knows 10 of 12 (no ps, ti); on its {n_sup} lines: {acc_sup:.1%}"))
    except ImportError as e:
        rows.append(("lingua", None, None, None, f"not installed: {e}"))
    try:
        import pycld2
        def cld(t):
            try:
                ok, _, details = pycld2.detect(t, bestEffort=True)
                code = details[0][1].split("-")[0]
                return code if code in LANGS else ("ps" if code == "ps" else code)
            except Exception:
                return "?"
        pred, us = timed(cld, texts)
        rows.append(("pycld2", accuracy(pred, gold_lang)[0], None, us, "bestEffort=True"))
    except ImportError as e:
        rows.append(("pycld2", None, None, None, f"not installed: {e}"))

    # Intent peer: TF-IDF char n-grams + logistic regression on the same training examples.
    try:
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression
        from sklearn.pipeline import make_pipeline
        train_x, train_y = load_training(args.intents)
        start = time.perf_counter()
        model = make_pipeline(TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 4), sublinear_tf=True, min_df=1),
                              LogisticRegression(max_iter=300, C=10))
        model.fit(train_x, train_y)
        train_s = time.perf_counter() - start
        pred, us = timed(lambda t: model.predict([t])[0], texts)
        acc = sum(p in a for p, a in zip(pred, also)) / len(dev)
        batch_start = time.perf_counter(); model.predict(texts); batch_us = (time.perf_counter() - batch_start) / len(texts) * 1e6
        rows.append(("sklearn tfidf+logreg", None, acc, us, f"train {train_s:.1f} s; batched {batch_us:.1f} µs/msg; no OOS rejection"))
    except ImportError as e:
        rows.append(("sklearn", None, None, None, f"not installed: {e}"))

    print(f"{len(dev)} held-out lines, {len(set(gold_lang))} languages\n")
    print(f"{'system':24} {'lang acc':>9} {'intent acc':>11} {'µs/msg':>9}  notes")
    for name, la, ia, us, note in rows:
        f = lambda v: "-" if v is None else f"{v:.1%}"
        print(f"{name:24} {f(la):>9} {f(ia):>11} {('-' if us is None else f'{us:.1f}'):>9}  {note}")


if __name__ == "__main__":
    main()
