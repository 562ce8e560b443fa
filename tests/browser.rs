//! Storage adapters in a real browser: `cargo test --target wasm32-unknown-unknown --test browser`
//! (headless Chromium through wasm-bindgen-test-runner; see .cargo/config.toml and webdriver.json).
#![cfg(target_arch = "wasm32")]

use cs_interview_coach::domain::attempt::{audio_prefix, chunk_key};
use cs_interview_coach::domain::locale::Lang;
use cs_interview_coach::domain::record::{DecodeError, Record};
use cs_interview_coach::domain::settings::Settings;
use cs_interview_coach::storage::{
    delete_prefix, read_joined, BlobStore, DocumentStore, IdbBlobStore, LocalStore, StoreError,
};
use js_sys::{Array, Uint8Array};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;
use web_sys::{Blob, BlobPropertyBag};

wasm_bindgen_test_configure!(run_in_browser);

fn local() -> web_sys::Storage {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .expect("localStorage in the test browser")
}

/// A store under a prefix of its own, so that tests never see each other's keys.
fn fresh_store(name: &str) -> LocalStore {
    let prefix = format!("test-{name}-{}", js_sys::Math::random());
    LocalStore::new(prefix)
}

#[wasm_bindgen_test]
fn local_store_round_trips_a_record_under_its_own_key() {
    let store = fresh_store("roundtrip");
    let settings = Settings {
        locale: Some(Lang::ZhHant),
        ..Settings::default()
    };
    assert_eq!(store.load::<Settings>("app"), Ok(None));
    store.save("app", &settings).expect("save");
    assert_eq!(store.load::<Settings>("app"), Ok(Some(settings.clone())));

    // One key per record, holding a versioned envelope.
    let raw = local()
        .get_item(&store.key::<Settings>("app"))
        .expect("getItem")
        .expect("stored");
    let envelope = format!(
        "{{\"v\":{},\"data\":{{\"locale\":\"zh-Hant\",\"practice\":{{",
        Settings::VERSION
    );
    assert!(raw.starts_with(&envelope), "{raw}");

    store.save("other", &Settings::default()).expect("save 2");
    assert_eq!(
        store.ids::<Settings>(),
        Ok(vec!["app".to_string(), "other".to_string()])
    );

    store.delete::<Settings>("app").expect("delete");
    assert_eq!(store.load::<Settings>("app"), Ok(None));
    assert_eq!(store.ids::<Settings>(), Ok(vec!["other".to_string()]));
}

#[wasm_bindgen_test]
fn a_corrupt_value_is_reported_and_set_aside_not_lost() {
    let store = fresh_store("corrupt");
    let key = store.key::<Settings>("app");
    local().set_item(&key, "{not json").expect("setItem");

    let Err(StoreError::Unreadable {
        key: reported,
        set_aside_as: Some(aside),
        error: DecodeError::Corrupt(_),
    }) = store.load::<Settings>("app")
    else {
        panic!("expected an Unreadable error with the value set aside");
    };
    assert_eq!(reported, key);
    // The bad value is kept, byte for byte, under the aside key…
    assert_eq!(
        local().get_item(&aside).expect("getItem"),
        Some("{not json".into())
    );
    // …and no longer blocks the record: the next load starts clean and a save works.
    assert_eq!(local().get_item(&key).expect("getItem"), None);
    assert_eq!(store.load::<Settings>("app"), Ok(None));
    store.save("app", &Settings::default()).expect("save");
    assert_eq!(store.load::<Settings>("app"), Ok(Some(Settings::default())));
}

#[wasm_bindgen_test]
fn a_value_from_a_newer_version_is_set_aside_too() {
    let store = fresh_store("newer");
    let key = store.key::<Settings>("app");
    let newer = r#"{"v":99,"data":{"locale":"en","theme":"dark"}}"#;
    local().set_item(&key, newer).expect("setItem");
    match store.load::<Settings>("app") {
        Err(StoreError::Unreadable {
            set_aside_as: Some(aside),
            error: DecodeError::TooNew { found: 99, .. },
            ..
        }) => assert_eq!(
            local().get_item(&aside).expect("getItem"),
            Some(newer.into())
        ),
        other => panic!("expected TooNew set aside, got {other:?}"),
    }
}

async fn bytes_of(blob: &Blob) -> Vec<u8> {
    let buffer = JsFuture::from(blob.array_buffer())
        .await
        .expect("arrayBuffer");
    Uint8Array::new(&buffer).to_vec()
}

fn blob_of(bytes: &[u8], mime: &str) -> Blob {
    let parts = Array::new();
    parts.push(&Uint8Array::from(bytes));
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    Blob::new_with_u8_array_sequence_and_options(&parts, &options).expect("Blob")
}

#[wasm_bindgen_test]
async fn indexeddb_round_trips_a_blob() {
    let name = format!("test-blobs-{}", js_sys::Math::random());
    let store = IdbBlobStore::open(&name).await.expect("open IndexedDB");

    // 300 KB of every byte value, as audio chunks will be.
    let bytes: Vec<u8> = (0..300 * 1024).map(|i| (i % 251) as u8).collect();
    store
        .put("attempt-1/chunk-0", &blob_of(&bytes, "audio/webm"))
        .await
        .expect("put");
    store
        .put("attempt-1/chunk-1", &blob_of(b"second", "audio/webm"))
        .await
        .expect("put 2");
    store
        .put("attempt-2/chunk-0", &blob_of(b"other", "audio/webm"))
        .await
        .expect("put 3");

    let back = store
        .get("attempt-1/chunk-0")
        .await
        .expect("get")
        .expect("stored blob");
    assert_eq!(back.type_(), "audio/webm");
    assert_eq!(back.size() as usize, bytes.len());
    assert_eq!(bytes_of(&back).await, bytes);

    assert_eq!(
        store.keys("attempt-1/").await.expect("keys"),
        vec![
            "attempt-1/chunk-0".to_string(),
            "attempt-1/chunk-1".to_string()
        ]
    );

    store.delete("attempt-1/chunk-0").await.expect("delete");
    assert_eq!(store.get("attempt-1/chunk-0").await.expect("get"), None);
    assert_eq!(store.keys("").await.expect("keys").len(), 2);
    // Deleting what is not there is fine.
    store.delete("missing").await.expect("delete missing");

    // Data survives a new connection.
    store.close();
    let reopened = IdbBlobStore::open(&name).await.expect("reopen");
    let kept = reopened
        .get("attempt-2/chunk-0")
        .await
        .expect("get")
        .expect("kept");
    assert_eq!(bytes_of(&kept).await, b"other".to_vec());
    reopened.close();
}

#[wasm_bindgen_test]
async fn audio_chunks_are_joined_in_order_and_deleted_together() {
    let name = format!("test-chunks-{}", js_sys::Math::random());
    let store = IdbBlobStore::open(&name).await.expect("open IndexedDB");
    // 12 chunks written out of order (keys are zero-padded, so 10 and 11 sort after 9).
    let chunk = |n: u32| vec![n as u8; 1000 + n as usize];
    for n in [3, 0, 11, 1, 2, 10, 4, 5, 6, 7, 8, 9] {
        store
            .put(&chunk_key("a1", n), &blob_of(&chunk(n), "audio/webm"))
            .await
            .expect("put chunk");
    }
    store
        .put(
            &chunk_key("a10", 0),
            &blob_of(b"another attempt", "audio/webm"),
        )
        .await
        .expect("put other");

    let joined = read_joined(&store, &audio_prefix("a1"), "audio/webm;codecs=opus")
        .await
        .expect("read")
        .expect("some audio");
    assert_eq!(joined.type_(), "audio/webm;codecs=opus");
    let expected: Vec<u8> = (0..12).flat_map(chunk).collect();
    assert_eq!(bytes_of(&joined).await, expected);

    assert_eq!(
        read_joined(&store, &audio_prefix("none"), "audio/webm")
            .await
            .expect("read missing"),
        None
    );

    delete_prefix(&store, &audio_prefix("a1"))
        .await
        .expect("delete");
    assert_eq!(
        store.keys("audio:a1:").await.expect("keys"),
        Vec::<String>::new()
    );
    // "a10" shares the prefix "audio:a1" but not "audio:a1:": it stays.
    assert_eq!(
        store.keys("").await.expect("keys"),
        vec![chunk_key("a10", 0)]
    );
    store.close();
}

#[wasm_bindgen_test]
async fn backup_reads_every_document_and_chunk_and_an_import_writes_them_back() {
    use cs_interview_coach::domain::backup::{export, parse, plan};
    use cs_interview_coach::domain::review::Review;
    use cs_interview_coach::storage::{apply, audio_chunks, audio_keys, audio_store};
    use std::collections::BTreeSet;

    // The adapter lists a prefix's documents by `<kind>:<id>`, and clears only that prefix.
    let store = fresh_store("backup");
    let other = fresh_store("backup-other");
    let mut review = Review::new("bk1", 1, 5);
    review.toggle("structure/result");
    store.save("bk1", &review).expect("save review");
    store
        .save("app", &Settings::default())
        .expect("save settings");
    other.save("app", &Settings::default()).expect("save other");
    let docs = store.documents().expect("documents");
    let keys: Vec<&str> = docs.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(keys, ["review:bk1", "settings:app"]);
    assert_eq!(
        store.raw_value("review:bk1").as_deref(),
        Some(docs[0].1.as_str())
    );

    // A chunk in the recordings database comes out with its bytes.
    let audio = audio_store().await.expect("open audio");
    let key = chunk_key("bk1", 0);
    audio
        .put(&key, &blob_of(&[7, 8, 9], "audio/webm"))
        .await
        .expect("put chunk");
    let chunks = audio_chunks().await.expect("chunks");
    assert!(chunks.contains(&(key.clone(), vec![7, 8, 9])));

    // Export, then import into an empty app: the plan adds both, and they are written back.
    let (text, _) = export(&docs, &[(key.clone(), vec![7, 8, 9])], 1);
    let backup = parse(&text).expect("parse");
    store.clear().expect("clear");
    assert_eq!(store.documents().expect("documents"), vec![]);
    assert!(
        other.raw_value("settings:app").is_some(),
        "another prefix is left alone"
    );
    audio.delete(&key).await.expect("delete chunk");
    let present = audio_keys().await.expect("keys");
    let live = LocalStore::app();
    let p = plan(&backup, &|k| live.raw_value(k), &present);
    assert_eq!((p.add.len(), p.audio_add.len()), (2, 1));
    assert_eq!(apply(&live, &backup, &p, false).await, Ok((2, 1)));
    assert_eq!(
        live.raw_value("review:bk1").as_deref(),
        Some(docs[0].1.as_str())
    );
    let back = audio.get(&key).await.expect("get").expect("chunk is back");
    assert_eq!(bytes_of(&back).await, vec![7, 8, 9]);
    // Importing it again changes nothing.
    let present: BTreeSet<String> = audio_keys().await.expect("keys");
    assert!(plan(&backup, &|k| live.raw_value(k), &present).is_empty());
    live.clear().expect("clear");
    audio.delete(&key).await.expect("tidy up");
}

/// A number no other test run uses, for attempt ids in the shared recordings database.
fn unique(name: &str) -> String {
    format!("{name}{}", (js_sys::Math::random() * 1e15) as u64)
}

/// The keys of one attempt's chunks in the recordings database.
async fn chunks_of(attempt: &str) -> Vec<String> {
    use cs_interview_coach::storage::audio_store;
    let audio = audio_store().await.expect("open audio");
    audio
        .keys(&audio_prefix(attempt))
        .await
        .expect("chunk keys")
}

/// A stored review of `attempt`, as `(key, envelope)`.
fn review_doc(attempt: &str) -> (String, String) {
    use cs_interview_coach::domain::record::encode;
    use cs_interview_coach::domain::review::Review;
    let review = Review::new(attempt, 1, 5);
    (
        format!("review:{attempt}"),
        encode(&review).expect("encode"),
    )
}

/// Stored settings in `lang`, as `(key, envelope)`.
fn settings_doc(lang: Lang) -> (String, String) {
    use cs_interview_coach::domain::record::encode;
    let settings = Settings {
        locale: Some(lang),
        ..Settings::default()
    };
    ("settings:app".into(), encode(&settings).expect("encode"))
}

/// A backup holding `docs` and, for each attempt, `n` chunks of audio.
fn backup_of(
    docs: &[(String, String)],
    attempts: &[(&str, u32)],
) -> cs_interview_coach::domain::backup::Backup {
    use cs_interview_coach::domain::backup::{export, parse};
    let audio: Vec<(String, Vec<u8>)> = attempts
        .iter()
        .flat_map(|(a, n)| (0..*n).map(move |i| (chunk_key(a, i), vec![i as u8; 64])))
        .collect();
    parse(&export(docs, &audio, 1).0).expect("parse")
}

/// localStorage as a test wants it to fail: it takes `left` more document writes (keys with a
/// colon; the journal has none) and then refuses them as a full disk would. With `dies`, it
/// refuses everything once the last of those writes is made, as a page that is going away would,
/// until `heal`.
#[derive(Default)]
struct Failing {
    inner: cs_interview_coach::storage::Memory,
    left: std::sync::atomic::AtomicUsize,
    dies: bool,
    dead: std::sync::atomic::AtomicBool,
}

impl Failing {
    fn new(left: usize, dies: bool) -> std::sync::Arc<Self> {
        std::sync::Arc::new(Failing {
            left: left.into(),
            dies,
            ..Failing::default()
        })
    }

    fn heal(&self) {
        use std::sync::atomic::Ordering;
        self.dead.store(false, Ordering::SeqCst);
        self.left.store(usize::MAX, Ordering::SeqCst);
    }
}

impl cs_interview_coach::storage::KeyValue for Failing {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.inner.get(key)
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        use std::sync::atomic::Ordering;
        if self.dead.load(Ordering::SeqCst) {
            return Err(StoreError::Full);
        }
        if key.contains(':') {
            let left = self.left.load(Ordering::SeqCst);
            if left == 0 {
                return Err(StoreError::Full);
            }
            self.left.store(left - 1, Ordering::SeqCst);
            if left == 1 && self.dies {
                self.dead.store(true, Ordering::SeqCst);
            }
        }
        self.inner.set(key, value)
    }

    fn remove(&self, key: &str) -> Result<(), StoreError> {
        if self.dead.load(std::sync::atomic::Ordering::SeqCst) {
            return Err(StoreError::Browser("the page is gone".into()));
        }
        self.inner.remove(key)
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        self.inner.keys()
    }
}

#[wasm_bindgen_test]
async fn an_import_cut_off_by_a_reload_is_undone_at_start_up() {
    use cs_interview_coach::domain::journal::{DocumentWrite, Journal, Phase};
    use cs_interview_coach::storage::{audio_store, recover_import, Recovered};

    let store = fresh_store("journal");
    let audio = audio_store().await.expect("open audio");
    let (new, kept) = (unique("jnew"), unique("jkept"));
    // Before the import: a recording, a document it leaves alone and one it replaces.
    audio
        .put(&chunk_key(&kept, 0), &blob_of(b"mine", "audio/webm"))
        .await
        .expect("put kept chunk");
    let old_settings = r#"{"v":1,"data":{"locale":"en"}}"#;
    store
        .put_raw("settings:app", old_settings)
        .expect("old settings");
    store
        .put_raw(&format!("review:{kept}"), r#"{"v":1,"data":{}}"#)
        .expect("kept review");

    // The import had journalled three chunks and three documents, and written two of each when
    // the page went away.
    let mut journal = Journal::new(
        1,
        (0..3).map(|n| chunk_key(&new, n)),
        [
            DocumentWrite {
                key: format!("attempt:{new}"),
                previous: None,
            },
            DocumentWrite {
                key: "settings:app".into(),
                previous: Some(old_settings.into()),
            },
            DocumentWrite {
                key: format!("review:{new}"),
                previous: None,
            },
        ],
    );
    journal.phase = Phase::Documents;
    local()
        .set_item(&store.journal_key(), &journal.to_json())
        .expect("write journal");
    for n in 0..2 {
        audio
            .put(&chunk_key(&new, n), &blob_of(&[n as u8; 32], "audio/webm"))
            .await
            .expect("put new chunk");
    }
    store
        .put_raw(&format!("attempt:{new}"), r#"{"v":1,"data":{"x":1}}"#)
        .expect("new attempt");
    store
        .put_raw("settings:app", r#"{"v":1,"data":{"locale":"zh-Hant"}}"#)
        .expect("new settings");
    // The journal is not a document: never listed, exported or counted.
    let keys: Vec<String> = store
        .documents()
        .expect("documents")
        .into_iter()
        .map(|(k, _)| k)
        .collect();
    assert_eq!(
        keys,
        [
            format!("attempt:{new}"),
            format!("review:{kept}"),
            "settings:app".to_string()
        ]
    );

    assert_eq!(
        recover_import(&store).await,
        Ok(Some(Recovered {
            chunks_removed: 2,
            documents_restored: 1,
            documents_removed: 1,
        }))
    );
    assert_eq!(chunks_of(&new).await, Vec::<String>::new());
    assert_eq!(store.raw_value(&format!("attempt:{new}")), None);
    assert_eq!(store.raw_value(&format!("review:{new}")), None);
    assert_eq!(
        store.raw_value("settings:app").as_deref(),
        Some(old_settings)
    );
    assert!(store.raw_value(&format!("review:{kept}")).is_some());
    assert_eq!(chunks_of(&kept).await, vec![chunk_key(&kept, 0)]);
    assert_eq!(local().get_item(&store.journal_key()).expect("get"), None);
    // Nothing more to do the next time.
    assert_eq!(recover_import(&store).await, Ok(None));

    audio.delete(&chunk_key(&kept, 0)).await.expect("tidy up");
    store.clear().expect("clear");
}

#[wasm_bindgen_test]
async fn a_damaged_journal_is_set_aside_not_acted_on() {
    use cs_interview_coach::storage::recover_import;
    let store = fresh_store("journal-bad");
    local()
        .set_item(&store.journal_key(), "{\"v\":1,\"chun")
        .expect("write journal");
    let Err(StoreError::Unreadable {
        key,
        set_aside_as: Some(aside),
        error: DecodeError::Corrupt(_),
    }) = recover_import(&store).await
    else {
        panic!("expected the journal to be reported and set aside");
    };
    assert_eq!(key, store.journal_key());
    assert_eq!(
        local().get_item(&aside).expect("get"),
        Some("{\"v\":1,\"chun".into())
    );
    assert_eq!(recover_import(&store).await, Ok(None));
    store.clear().expect("clear");
}

#[wasm_bindgen_test]
async fn a_completed_import_leaves_no_journal() {
    use cs_interview_coach::domain::backup::plan;
    use cs_interview_coach::storage::{apply, audio_keys, recover_import, KeyValue, Memory};
    use std::sync::Arc;

    let memory = Arc::new(Memory::default());
    let store = LocalStore::with_backend(unique("test-journal-done-"), memory.clone());
    let attempt = unique("jdone");
    let (review, raw) = review_doc(&attempt);
    let backup = backup_of(&[(review.clone(), raw)], &[(&attempt, 3)]);
    let p = plan(
        &backup,
        &|k| store.raw_value(k),
        &audio_keys().await.expect("keys"),
    );
    assert_eq!(apply(&store, &backup, &p, false).await, Ok((1, 3)));
    assert_eq!(memory.get(&store.journal_key()), Ok(None));
    assert_eq!(chunks_of(&attempt).await.len(), 3);
    assert!(store.raw_value(&review).is_some());
    assert_eq!(recover_import(&store).await, Ok(None));

    let audio = cs_interview_coach::storage::audio_store()
        .await
        .expect("audio");
    delete_prefix(&audio, &audio_prefix(&attempt))
        .await
        .expect("tidy up");
}

#[wasm_bindgen_test]
async fn an_import_with_no_room_for_its_journal_writes_nothing() {
    use cs_interview_coach::domain::backup::plan;
    use cs_interview_coach::storage::{apply, ApplyError, Memory};
    use std::sync::Arc;

    let memory = Arc::new(Memory::default());
    let store = LocalStore::with_backend(unique("test-journal-full-"), memory.clone());
    let attempt = unique("jfull");
    let backup = backup_of(&[review_doc(&attempt)], &[(&attempt, 2)]);
    let p = plan(&backup, &|_| None, &Default::default());
    memory.set_full(true);
    assert_eq!(
        apply(&store, &backup, &p, false).await,
        Err(ApplyError {
            docs: 0,
            chunks: 0,
            error: StoreError::Full
        })
    );
    assert_eq!(chunks_of(&attempt).await, Vec::<String>::new());
    assert_eq!(store.documents(), Ok(vec![]));
}

#[wasm_bindgen_test]
async fn an_import_refused_part_way_is_undone_at_once() {
    use cs_interview_coach::domain::backup::plan;
    use cs_interview_coach::storage::{apply, recover_import, ApplyError, KeyValue};

    let failing = Failing::new(1, false);
    let store = LocalStore::with_backend(unique("test-journal-refused-"), failing.clone());
    let attempt = unique("jrefused");
    let backup = backup_of(
        &[review_doc(&attempt), review_doc(&format!("{attempt}b"))],
        &[(&attempt, 2)],
    );
    let p = plan(&backup, &|_| None, &Default::default());
    // The first document goes in, the second is refused: both chunks and that document go again.
    assert_eq!(
        apply(&store, &backup, &p, false).await,
        Err(ApplyError {
            docs: 1,
            chunks: 2,
            error: StoreError::Full
        })
    );
    assert_eq!(chunks_of(&attempt).await, Vec::<String>::new());
    assert_eq!(store.documents(), Ok(vec![]));
    assert_eq!(failing.get(&store.journal_key()), Ok(None));
    assert_eq!(recover_import(&store).await, Ok(None));
}

#[wasm_bindgen_test]
async fn an_import_whose_page_goes_away_is_undone_at_the_next_start() {
    use cs_interview_coach::domain::backup::plan;
    use cs_interview_coach::storage::{apply, recover_import, ApplyError, KeyValue, Recovered};

    // Storage dies right after the last document is written, before the journal is removed, so
    // the import cannot undo itself: the journal stays for the next start-up.
    let failing = Failing::new(3, true);
    let store = LocalStore::with_backend(unique("test-journal-gone-"), failing.clone());
    let attempt = unique("jgone");
    let (_, old_settings) = settings_doc(Lang::En);
    let old_settings = old_settings.as_str();
    failing
        .inner
        .set(&format!("{}:settings:app", store.prefix()), old_settings)
        .expect("old settings");
    let backup = backup_of(
        &[
            review_doc(&attempt),
            review_doc(&format!("{attempt}b")),
            settings_doc(Lang::ZhHans),
        ],
        &[(&attempt, 4)],
    );
    let p = plan(&backup, &|k| store.raw_value(k), &Default::default());
    assert_eq!((p.add.len(), p.conflicts.len()), (2, 1));
    let Err(ApplyError {
        docs: 3, chunks: 4, ..
    }) = apply(&store, &backup, &p, true).await
    else {
        panic!("expected the import to fail at its very end");
    };
    assert!(failing.get(&store.journal_key()).expect("get").is_some());
    assert_eq!(chunks_of(&attempt).await.len(), 4);

    // The next start-up.
    failing.heal();
    assert_eq!(
        recover_import(&store).await,
        Ok(Some(Recovered {
            chunks_removed: 4,
            documents_restored: 1,
            documents_removed: 2,
        }))
    );
    assert_eq!(chunks_of(&attempt).await, Vec::<String>::new());
    assert_eq!(
        store.documents(),
        Ok(vec![("settings:app".to_string(), old_settings.to_string())])
    );
    assert_eq!(failing.get(&store.journal_key()), Ok(None));
    // And a new import of the same file then goes through.
    let p = plan(&backup, &|k| store.raw_value(k), &Default::default());
    assert_eq!(apply(&store, &backup, &p, true).await, Ok((3, 4)));
    let audio = cs_interview_coach::storage::audio_store()
        .await
        .expect("audio");
    delete_prefix(&audio, &audio_prefix(&attempt))
        .await
        .expect("tidy up");
}

/// A mono 16-bit WAV at `rate` Hz: for each `(ms, tone)`, a 440 Hz tone at half scale, or silence.
fn wav(rate: u32, pattern: &[(u32, bool)]) -> Vec<u8> {
    let mut samples: Vec<i16> = Vec::new();
    for (ms, tone) in pattern {
        let n = rate * ms / 1000;
        for i in 0..n {
            let t = f64::from(i) / f64::from(rate);
            let v = if *tone {
                (t * 440.0 * std::f64::consts::TAU).sin() * 0.5
            } else {
                0.0
            };
            samples.push((v * f64::from(i16::MAX)) as i16);
        }
    }
    let data_len = (samples.len() * 2) as u32;
    let mut out = Vec::with_capacity(44 + data_len as usize);
    out.extend_from_slice(b"RIFF");
    out.extend_from_slice(&(36 + data_len).to_le_bytes());
    out.extend_from_slice(b"WAVEfmt ");
    out.extend_from_slice(&16u32.to_le_bytes());
    out.extend_from_slice(&1u16.to_le_bytes()); // PCM
    out.extend_from_slice(&1u16.to_le_bytes()); // mono
    out.extend_from_slice(&rate.to_le_bytes());
    out.extend_from_slice(&(rate * 2).to_le_bytes());
    out.extend_from_slice(&2u16.to_le_bytes());
    out.extend_from_slice(&16u16.to_le_bytes());
    out.extend_from_slice(b"data");
    out.extend_from_slice(&data_len.to_le_bytes());
    for s in samples {
        out.extend_from_slice(&s.to_le_bytes());
    }
    out
}

#[wasm_bindgen_test]
async fn the_envelope_of_a_recording_of_tone_and_silence_shows_its_pauses() {
    use cs_interview_coach::browser::audio::envelope_of;
    use cs_interview_coach::domain::delivery::{analyze, level_of_peak, Volume};
    // 0.5 s of silence, 1 s of tone, 2.5 s of silence, 1.5 s of tone, 0.5 s of silence.
    let pattern = [
        (500, false),
        (1000, true),
        (2500, false),
        (1500, true),
        (500, false),
    ];
    let blob = blob_of(&wav(16_000, &pattern), "audio/wav");
    let envelope = envelope_of(&blob).await.expect("the recording decodes");
    assert_eq!(envelope.rate, 25);
    assert_eq!(envelope.duration_ms(), 6_000);
    // The tone reads at its level (half scale: −6 dB), the silence at the bottom.
    let tone = level_of_peak(0.5);
    // The tone runs from 0.5 s to 1.5 s: windows 13 to 36 lie wholly inside it.
    assert!(
        envelope.levels[13..37]
            .iter()
            .all(|l| l.abs_diff(tone) <= 2),
        "{:?}",
        &envelope.levels[..40]
    );
    assert!(envelope.levels[..10].iter().all(|l| *l == 0));
    let d = analyze(&envelope);
    assert_eq!(d.segments.len(), 2, "{:?}", d.segments);
    assert_eq!(d.pauses.len(), 1);
    assert!(
        d.longest_pause_ms.abs_diff(2_500) <= 80,
        "{}",
        d.longest_pause_ms
    );
    assert!(d.first_word_ms.is_some_and(|ms| ms.abs_diff(500) <= 80));
    assert!(d.speaking_ms.abs_diff(2_500) <= 120, "{}", d.speaking_ms);
    assert_eq!(d.volume, Volume::Steady);
}

#[wasm_bindgen_test]
async fn a_recording_that_is_not_audio_is_refused_with_a_reason() {
    use cs_interview_coach::browser::audio::envelope_of;
    let blob = blob_of(b"not audio at all", "audio/webm");
    let e = envelope_of(&blob).await.expect_err("not audio");
    assert!(!e.is_empty());
}
