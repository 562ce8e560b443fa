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
