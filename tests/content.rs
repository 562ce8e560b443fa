//! The content data files: every question parses strictly and is complete in all three languages.
#![cfg(not(target_arch = "wasm32"))]

use cs_interview_coach::domain::content::{parse_question, validate, Question};
use cs_interview_coach::domain::locale::Lang;
use std::collections::BTreeSet;
use std::path::Path;

fn content_dir() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/content"))
}

/// Every `content/<dir>/*.json`, parsed, in file-name order; each file's id must be its name.
fn load_dir<T, E: std::fmt::Display>(
    dir: &str,
    parse: impl Fn(&str) -> Result<T, E>,
    id: impl Fn(&T) -> &str,
) -> Vec<T> {
    let mut files: Vec<_> = std::fs::read_dir(content_dir().join(dir))
        .unwrap_or_else(|e| panic!("content/{dir}: {e}"))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|path| {
            let text = std::fs::read_to_string(path).expect("readable");
            let item = parse(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let stem = path
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or_default();
            assert_eq!(id(&item), stem, "{} holds id {}", path.display(), id(&item));
            item
        })
        .collect()
}

fn load_all() -> Vec<Question> {
    load_dir("questions", parse_question, |q: &Question| &q.id)
}

/// The ids listed in ../shared/seeds/INVENTORY.md, copied here so that the test runs without it.
const INVENTORY_IDS: [&str; 33] = [
    "what-service-means",
    "explain-complex-to-frustrated",
    "relevant-qualifications",
    "experience-skills-fit",
    "most-challenging-interaction",
    "typical-day",
    "good-vs-bad-service",
    "angry-customer",
    "customer-not-always-right",
    "what-sets-you-apart",
    "patience-demanding-customers",
    "above-and-beyond",
    "solved-customer-problem",
    "missed-expectations",
    "pet-peeve",
    "success-previous-role",
    "dont-know-answer",
    "major-product-issue",
    "rude-coworker",
    "prioritize-many-customers",
    "why-customer-service",
    "experience-with-customers",
    "difficult-situation",
    "handle-complaints",
    "handle-stress",
    "resolved-complaint-story",
    "cant-solve-problem",
    "needs-vs-policy",
    "self-introduction",
    "know-our-business",
    "software-tools",
    "related-experience",
    "outside-work",
];

#[test]
fn every_question_file_is_valid() {
    let questions = load_all();
    let problems = validate(&questions);
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn every_inventory_question_is_present_once() {
    let ids: BTreeSet<String> = load_all().into_iter().map(|q| q.id).collect();
    let expected: BTreeSet<String> = INVENTORY_IDS.iter().map(|s| s.to_string()).collect();
    assert_eq!(ids, expected);
}

#[test]
fn all_twenty_employer_questions_are_covered() {
    let sections: BTreeSet<String> = load_all()
        .iter()
        .flat_map(|q| q.sources.iter())
        .filter(|s| s.seed == "002")
        .map(|s| s.section.clone())
        .collect();
    for n in 1..=20 {
        assert!(
            sections.contains(&format!("B-20 #{n}")),
            "B-20 #{n} missing"
        );
    }
}

fn simplified_only() -> BTreeSet<char> {
    std::fs::read_to_string(content_dir().join("simplified-only.txt"))
        .expect("content/simplified-only.txt")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .flat_map(|l| l.chars())
        .filter(|c| !c.is_whitespace())
        .collect()
}

fn texts(q: &Question, lang: Lang) -> Vec<String> {
    let t = q.text.get(lang);
    let mut all = vec![t.title.clone(), t.looking_for.clone()];
    for list in [&t.variants, &t.structure, &t.good_signals, &t.warning_signs] {
        all.extend(list.iter().cloned());
    }
    for p in &q.talking_points {
        all.push(p.label.get(lang).clone());
        all.extend(p.keywords.get(lang).iter().cloned());
    }
    all
}

#[test]
fn traditional_chinese_has_no_simplified_characters() {
    let banned = simplified_only();
    assert!(
        banned.len() > 200,
        "the list of simplified-only characters is loaded"
    );
    let mut found = Vec::new();
    for q in load_all() {
        for text in texts(&q, Lang::ZhHant) {
            let bad: String = text.chars().filter(|c| banned.contains(c)).collect();
            if !bad.is_empty() {
                found.push(format!("{}: {bad} in {text}", q.id));
            }
        }
    }
    let locale =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/locales/zh-Hant.json"))
            .expect("locale");
    let bad: String = locale.chars().filter(|c| banned.contains(c)).collect();
    if !bad.is_empty() {
        found.push(format!("locales/zh-Hant.json: {bad}"));
    }
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn each_language_is_written_in_its_own_script() {
    let han = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    for q in load_all() {
        for text in texts(&q, Lang::En) {
            assert!(!han(&text), "{}: Chinese in English text: {text}", q.id);
        }
        let zh = q.text.get(Lang::ZhHans);
        assert!(han(&zh.title), "{}: zh-Hans title is not Chinese", q.id);
        assert!(
            han(&q.text.get(Lang::ZhHant).title),
            "{}: zh-Hant title",
            q.id
        );
    }
}

#[test]
fn validation_catches_broken_data() {
    let mut questions = load_all();
    questions[1].id = questions[0].id.clone();
    questions[2].talking_points.clear();
    questions[3].text.zh_hant.title = " ".into();
    questions[4].difficulty = 9;
    let problems = validate(&questions);
    assert!(problems.iter().any(|p| p.contains("duplicate id")));
    assert!(problems.iter().any(|p| p.contains("talking points")));
    assert!(problems
        .iter()
        .any(|p| p.contains("zh-Hant title is empty")));
    assert!(problems.iter().any(|p| p.contains("difficulty")));

    // serde refuses an unknown category, a missing language and a missing field.
    let good =
        std::fs::read_to_string(content_dir().join("questions/angry-customer.json")).expect("file");
    assert!(parse_question(&good.replace("\"pressure-emotions\"", "\"gossip\"")).is_err());
    assert!(parse_question(&good.replacen("\"zh-Hant\": {", "\"zh-TW\": {", 1)).is_err());
    assert!(parse_question(&good.replacen("\"looking_for\"", "\"looking\"", 1)).is_err());
}

#[test]
fn builtin_sets_cover_the_categories_and_fit_their_time() {
    use cs_interview_coach::domain::sets::{total_seconds, BuiltinSet};
    let questions = load_all();
    let find = |id: &str| questions.iter().find(|q| q.id == id);
    for set in [BuiltinSet::PhoneScreen, BuiltinSet::OnSite] {
        let ids: Vec<String> = set.question_ids().iter().map(|s| s.to_string()).collect();
        for id in &ids {
            assert!(find(id).is_some(), "{set:?} names unknown question {id}");
        }
        let categories: BTreeSet<_> = ids
            .iter()
            .filter_map(|id| find(id))
            .map(|q| q.category)
            .collect();
        assert_eq!(categories.len(), 7, "{set:?} covers every category");
        let total = total_seconds(&ids, &|id| {
            find(id).map(|q| q.think_seconds + q.answer_seconds)
        });
        let budget = set.budget_seconds().expect("timed set");
        assert!(total <= budget, "{set:?}: {total}s > {budget}s");
        assert!(
            total * 3 >= budget * 2,
            "{set:?}: {total}s leaves most of {budget}s unused"
        );
    }
}

#[test]
fn the_rubric_kits_and_traits_are_complete_and_in_the_right_script() {
    use cs_interview_coach::domain::content::PerLang;
    let simplified = simplified_only();
    let mut texts: Vec<&PerLang<String>> = Vec::new();
    let rubric = cs_interview_coach::domain::rubric::builtin();
    for s in &rubric.sections {
        texts.push(&s.title);
        for i in &s.items {
            texts.push(&i.label);
            texts.extend(i.levels.iter());
        }
    }
    let kits = cs_interview_coach::domain::interview::builtin();
    for t in &kits.traits {
        texts.push(&t.label);
    }
    let ids: BTreeSet<String> = load_all().into_iter().map(|q| q.id).collect();
    for k in &kits.kits {
        texts.push(&k.name);
        texts.push(&k.purpose);
        for s in &k.sections {
            texts.push(&s.title);
            for q in &s.questions {
                assert!(
                    ids.contains(q),
                    "kit {} names an unknown question {q}",
                    k.id
                );
            }
        }
    }
    assert!(texts.len() > 80, "{} texts", texts.len());
    for t in texts {
        for (lang, s) in t.iter() {
            assert!(
                !s.trim().is_empty(),
                "empty {} text beside {:?}",
                lang.tag(),
                t.en
            );
        }
        let bad: Vec<char> = t
            .zh_hant
            .chars()
            .filter(|c| simplified.contains(c))
            .collect();
        assert!(
            bad.is_empty(),
            "simplified {bad:?} in zh-Hant {:?}",
            t.zh_hant
        );
    }
}

fn load_examples() -> Vec<cs_interview_coach::domain::examples::ExampleAnswers> {
    use cs_interview_coach::domain::examples::{parse_examples, ExampleAnswers};
    load_dir("examples", parse_examples, |e: &ExampleAnswers| &e.id)
}

#[test]
fn every_example_answer_file_is_valid_and_in_the_right_script() {
    use cs_interview_coach::domain::content::PerLang;
    let examples = load_examples();
    assert!(!examples.is_empty(), "no example answers loaded");
    let ids: BTreeSet<String> = load_all().into_iter().map(|q| q.id).collect();
    let banned = simplified_only();
    let han = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    let mut problems = Vec::new();
    for e in &examples {
        if !ids.contains(&e.id) {
            problems.push(format!("{}: not a question id", e.id));
        }
        if let Err(err) = e.validate() {
            problems.push(err);
        }
        let fields: [(&str, &PerLang<String>); 4] = [
            ("strong", &e.strong),
            ("strong_why", &e.strong_why),
            ("weak", &e.weak),
            ("weak_why", &e.weak_why),
        ];
        for (field, text) in fields {
            let at = |what: &str| format!("{} {field}: {what}", e.id);
            if han(&text.en) {
                problems.push(at("Chinese in the English text"));
            }
            if !han(&text.zh_hans) || !han(&text.zh_hant) {
                problems.push(at("a Chinese text is not Chinese"));
            }
            let bad: String = text
                .zh_hant
                .chars()
                .filter(|c| banned.contains(c))
                .collect();
            if !bad.is_empty() {
                problems.push(at(&format!("simplified {bad} in zh-Hant")));
            }
            // The glossary of content/README.md: 你 (never 您), 客訴 and 難纏 in 繁體; no 沮丧 or bare 防御 in 简体.
            for term in ["您", "投訴", "難搞", "苛刻", "危險信號"] {
                if text.zh_hant.contains(term) {
                    problems.push(at(&format!("zh-Hant uses {term}")));
                }
            }
            let bare_defence =
                text.zh_hans.matches("防御").count() > text.zh_hans.matches("防御心强").count();
            if text.zh_hans.contains("沮丧") || bare_defence {
                problems.push(at("zh-Hans uses 沮丧 or a bare 防御"));
            }
            for (lang, t) in text.iter() {
                if t.contains("**") || t.contains('#') || t.contains('`') {
                    problems.push(at(&format!("markdown in {}", lang.tag())));
                }
                if lang != Lang::En && (t.contains(',') || t.contains('?') || t.contains('!')) {
                    problems.push(at(&format!("half-width punctuation in {}", lang.tag())));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn strong_example_answers_touch_the_talking_points_and_weak_ones_fewer() {
    use cs_interview_coach::domain::coverage::{coverage, touched};
    let questions = load_all();
    for e in load_examples() {
        let Some(q) = questions.iter().find(|q| q.id == e.id) else {
            continue;
        };
        for lang in Lang::ALL {
            let (strong, all) = touched(&coverage(e.strong.get(lang), &q.talking_points));
            let (weak, _) = touched(&coverage(e.weak.get(lang), &q.talking_points));
            assert!(
                strong + 1 >= all,
                "{} {}: the strong answer touches {strong} of {all} talking points",
                e.id,
                lang.tag()
            );
            assert!(
                weak < strong,
                "{} {}: the weak answer touches {weak} talking points, the strong one {strong}",
                e.id,
                lang.tag()
            );
        }
    }
}

#[test]
fn every_question_has_example_answers() {
    let have: BTreeSet<String> = load_examples().into_iter().map(|e| e.id).collect();
    let missing: Vec<String> = load_all()
        .into_iter()
        .map(|q| q.id)
        .filter(|id| !have.contains(id))
        .collect();
    assert!(missing.is_empty(), "no example answers for {missing:?}");
}
