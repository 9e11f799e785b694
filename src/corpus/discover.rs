//! Finding the documents under the paths of a run (the `ignore` crate: `.gitignore`
//! respected, hidden files skipped, symlinks not followed but listed as skipped) and
//! the manifests that describe them.

use std::collections::HashMap;
use std::ffi::OsString;
use std::path::{Component, Path, PathBuf};

use rayon::prelude::*;

use super::InputProblem;
use super::format::{InputFormat, KNOWN_EXTENSIONS};
use super::manifest::{Entry, MANIFEST_NAME, Manifest};
use crate::Error;
use crate::cache::Stamp;
use crate::check::Severity;

/// Files that belong to factlint itself and are never documents.
const OWN_FILES: &[&str] = &[MANIFEST_NAME, "factlint.toml"];

/// A document file and what the manifest that covers it says about it. A run holds
/// one per file of the corpus, so it is kept small.
pub(crate) struct FoundFile {
    /// Display name (the path as given, then the relative path).
    pub name: Box<str>,
    /// The path, when it is not the display name (to hold each path once).
    path: Option<Box<Path>>,
    /// How to read it: by extension; explicitly named files default to plain text.
    pub format: InputFormat,
    pub entry: Option<Entry>,
    /// The stamp of the file when it was found, for runs with a cache (not yet
    /// judged against the run's start: see [`Stamp::trusted`]).
    pub stamp: Option<Stamp>,
}

impl FoundFile {
    fn new(path: PathBuf, entry: Option<Entry>, stamp: Option<Stamp>) -> Self {
        let name = display_name(&path).into_boxed_str();
        FoundFile {
            format: InputFormat::from_path(&path).unwrap_or(InputFormat::Text),
            path: (path.as_os_str() != &*name).then(|| path.into_boxed_path()),
            name,
            entry,
            stamp,
        }
    }

    /// The file's path.
    pub fn path(&self) -> &Path {
        self.path
            .as_deref()
            .unwrap_or_else(|| Path::new(&*self.name))
    }
}

/// Result of discovery.
pub(crate) struct Found {
    pub files: Vec<FoundFile>,
    pub problems: Vec<InputProblem>,
}

/// Walks `paths`; explicit files are always documents, walked files only by
/// extension. With `stamped`, each file's stamp is read too (for the cache), in
/// parallel with the manifest lookups.
pub(crate) fn discover<P: AsRef<Path>>(paths: &[P], stamped: bool) -> Result<Found, Error> {
    // The manifest of each walked directory is read while the directory is walked.
    std::thread::scope(|scope| {
        let mut early = Vec::new();
        let walked = walk(paths, |dir| {
            let candidate = dir.join(MANIFEST_NAME);
            if candidate.is_file() {
                early.push((
                    dir.as_os_str().to_os_string(),
                    scope.spawn(move || Manifest::load(&candidate, &display_name(&candidate))),
                ));
            }
        });
        // Joined before the stamps are read: a manifest is read in parallel on
        // the rayon pool, which a thread of the pool waiting for it could starve.
        let early: HashMap<OsString, Result<Manifest, Error>> = early
            .into_iter()
            .map(|(dir, thread)| {
                let manifest = thread
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
                (dir, manifest)
            })
            .collect();
        let Walk {
            files,
            roots,
            problems,
        } = walked?;
        let mut manifests = Manifests {
            loaded: Vec::new(),
            by_dir: HashMap::new(),
            early,
        };
        // The stamps are read while the manifests are looked up.
        let (stamps, entries) = rayon::join(
            || stamped.then(|| stamps(&files)),
            || -> Result<Vec<Option<Entry>>, Error> {
                let entries = files.iter();
                entries
                    .map(|(file, root)| manifests.take_entry(file, &roots[*root]))
                    .collect()
            },
        );
        let mut stamps = stamps.map(Vec::into_iter);
        let found = files
            .into_iter()
            .zip(entries?)
            .map(|((file, _), entry)| {
                let stamp = stamps.as_mut().and_then(Iterator::next).flatten();
                FoundFile::new(file, entry, stamp)
            })
            .collect();
        Ok(Found {
            files: found,
            problems,
        })
    })
}

/// The stamp of each file (`None` where its metadata cannot be read).
fn stamps(files: &[(PathBuf, usize)]) -> Vec<Option<Stamp>> {
    files
        .par_iter()
        .map(|(file, _)| Stamp::read(&std::fs::metadata(file).ok()?))
        .collect()
}

/// What walking the paths of a run found.
struct Walk {
    /// The files in path order, each with the index of its corpus root.
    files: Vec<(PathBuf, usize)>,
    /// The corpus roots: the walked directories, and the directories of the
    /// files named on their own.
    roots: Vec<PathBuf>,
    problems: Vec<InputProblem>,
}

/// Walks `paths`; `walking` is told the directory of the files of each walked root
/// (`""` for `.`) before it is walked.
fn walk<P: AsRef<Path>>(paths: &[P], mut walking: impl FnMut(&Path)) -> Result<Walk, Error> {
    let mut files: Vec<(PathBuf, usize)> = Vec::new(); // (file, index of its corpus root)
    let mut roots: Vec<PathBuf> = Vec::new();
    let mut problems = Vec::new();
    for path in paths {
        let path = clean(path.as_ref());
        let meta = std::fs::metadata(&path).map_err(|source| Error::Io {
            path: path.clone(),
            source,
        })?;
        if meta.is_file() {
            roots.push(parent_dir(&path));
            files.push((path, roots.len() - 1));
            continue;
        }
        // Walked paths are the root joined with names: only a root `.` makes them
        // unclean (`./a.txt`).
        let walked_need_cleaning = path.as_os_str() == ".";
        walking(if walked_need_cleaning {
            Path::new("")
        } else {
            &path
        });
        roots.push(path.clone());
        let root = roots.len() - 1;
        // Unsorted: the files are sorted below, the problems at the end.
        let walker = ignore::WalkBuilder::new(&path).follow_links(false).build();
        for entry in walker {
            let entry = match entry {
                Ok(entry) => entry,
                Err(err) => {
                    problems.push(walk_problem(&err));
                    continue;
                }
            };
            if entry.path_is_symlink() {
                // Not followed (loops, links out of the corpus): say so, never skip silently.
                problems.push(InputProblem {
                    file: display_name(&clean(entry.path())),
                    severity: Severity::Note,
                    offset: None,
                    code: "skipped-file",
                    message: "symbolic link (not followed); skipped".into(),
                });
                continue;
            }
            if !entry.file_type().is_some_and(|t| t.is_file()) {
                continue;
            }
            let file = if walked_need_cleaning {
                clean(entry.path())
            } else {
                entry.into_path()
            };
            let file_name = file.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if OWN_FILES.contains(&file_name) {
                continue;
            }
            if InputFormat::from_path(&file).is_some() {
                files.push((file, root));
            } else {
                problems.push(InputProblem {
                    file: display_name(&file),
                    severity: Severity::Note,
                    offset: None,
                    code: "skipped-file",
                    message: format!(
                        "not a document type factlint reads ({KNOWN_EXTENSIONS}); skipped"
                    ),
                });
            }
        }
    }
    // Path order, each file once (the last root that reached it wins).
    files.sort_by_cached_key(|(file, _)| path_order_key(file));
    problems.sort_by(|a, b| a.file.cmp(&b.file));
    files.dedup_by(|later, kept| {
        let same = later.0 == kept.0;
        if same {
            kept.1 = later.1;
        }
        same
    });
    Ok(Walk {
        files,
        roots,
        problems,
    })
}

/// The manifests of a run's directories, read as files ask for them.
struct Manifests {
    loaded: Vec<Manifest>,
    /// The index in `loaded` of each directory's manifest (`None`: it has none).
    by_dir: HashMap<OsString, Option<usize>>,
    /// Manifests read while their directory was walked, until a file asks.
    early: HashMap<OsString, Result<Manifest, Error>>,
}

impl Manifests {
    /// The file's entry in the nearest manifest that lists it, in the file's
    /// directory or a parent up to the corpus root, taken out of that manifest
    /// (each file is looked up once).
    fn take_entry(&mut self, file: &Path, root: &Path) -> Result<Option<Entry>, Error> {
        let mut dir = parent_dir_of(file);
        loop {
            let index = match self.by_dir.get(dir.as_os_str()) {
                Some(index) => *index,
                None => {
                    let candidate = dir.join(MANIFEST_NAME);
                    let manifest = match self.early.remove(dir.as_os_str()) {
                        Some(manifest) => Some(manifest?),
                        None if candidate.is_file() => {
                            Some(Manifest::load(&candidate, &display_name(&candidate))?)
                        }
                        None => None,
                    };
                    let index = manifest.map(|manifest| {
                        self.loaded.push(manifest);
                        self.loaded.len() - 1
                    });
                    self.by_dir.insert(dir.as_os_str().to_os_string(), index);
                    index
                }
            };
            if let Some(entry) = index.and_then(|index| self.loaded[index].take(file)) {
                return Ok(Some(entry));
            }
            if dir == root || dir.as_os_str().is_empty() || !dir.starts_with(root) {
                return Ok(None);
            }
            match dir.parent() {
                Some(parent) => dir = parent,
                None => return Ok(None),
            }
        }
    }
}

fn walk_problem(err: &ignore::Error) -> InputProblem {
    let file = match err {
        ignore::Error::WithPath { path, .. } => display_name(path),
        _ => String::from("<walk>"),
    };
    InputProblem {
        file,
        severity: Severity::Error,
        offset: None,
        code: "unreadable-file",
        message: format!("cannot read: {err}"),
    }
}

/// A byte string that sorts like `path` does by [`Path::cmp`] (component by
/// component), for sorting many paths fast: each component is a zero byte, its
/// kind (root, `.`, `..`, a name, in `Component`'s order) and its bytes.
fn path_order_key(path: &Path) -> Vec<u8> {
    let mut key = Vec::with_capacity(path.as_os_str().len() + 8);
    for component in path.components() {
        let (kind, bytes): (u8, &[u8]) = match component {
            Component::Prefix(p) => (0, p.as_os_str().as_encoded_bytes()),
            Component::RootDir => (1, b""),
            Component::CurDir => (2, b""),
            Component::ParentDir => (3, b""),
            Component::Normal(name) => (4, name.as_encoded_bytes()),
        };
        key.push(0);
        key.push(kind);
        key.extend_from_slice(bytes);
    }
    key
}

/// `path` without `.` components, so manifest entries and walked paths compare equal.
pub(crate) fn clean(path: &Path) -> PathBuf {
    let cleaned: PathBuf = path
        .components()
        .filter(|c| !matches!(c, Component::CurDir))
        .collect();
    if cleaned.as_os_str().is_empty() {
        PathBuf::from(".")
    } else {
        cleaned
    }
}

fn parent_dir(path: &Path) -> PathBuf {
    parent_dir_of(path).to_path_buf()
}

/// The directory of `path` (empty for a bare file name).
fn parent_dir_of(path: &Path) -> &Path {
    path.parent().unwrap_or(Path::new(""))
}

/// A path as shown in reports: `/` separators on every OS (`/tmp/a.txt`, `seeds/a.txt`).
pub(crate) fn display_name(path: &Path) -> String {
    // On Unix a path already in normal form is its own display name.
    if cfg!(unix)
        && let Some(text) = path.to_str()
        && is_normal_unix(text)
    {
        return text.to_string();
    }
    display_name_by_components(path)
}

/// [`display_name`] spelled out: the components joined with `/`.
fn display_name_by_components(path: &Path) -> String {
    // The root component is the empty first part, so `/tmp/a` stays `/tmp/a`.
    let parts: Vec<String> = path
        .components()
        .map(|c| match c {
            // The root is the empty part before the first `/` (not a second `/`).
            Component::RootDir => String::new(),
            other => other.as_os_str().to_string_lossy().into_owned(),
        })
        .collect();
    match parts.as_slice() {
        [root] if root.is_empty() => "/".to_string(),
        _ => parts.join("/"),
    }
}

/// Whether `text` is a Unix path exactly as its components would spell it again:
/// no empty, `.` (but a leading `./`) or trailing parts.
fn is_normal_unix(text: &str) -> bool {
    let body = text.strip_prefix('/').unwrap_or(text);
    let body = body.strip_prefix("./").unwrap_or(body);
    !body.is_empty() && body.split('/').all(|part| !part.is_empty() && part != ".")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The sort key orders paths exactly as `Path::cmp` does, on the cases where
    /// byte order and component order disagree.
    /// A file reached from two roots is listed once, and the last root that
    /// reached it decides which manifests cover it (a manifest above the root does
    /// not).
    #[test]
    fn a_file_under_two_roots_is_found_once_under_the_last() {
        let dir = tempfile::tempdir().expect("temp dir");
        let outer = dir.path().join("a");
        let inner = outer.join("b");
        std::fs::create_dir_all(&inner).expect("dirs");
        std::fs::write(inner.join("x.txt"), "text").expect("file");
        std::fs::write(
            outer.join(MANIFEST_NAME),
            "[[document]]\npath = \"b/x.txt\"\nlang = \"de\"\n",
        )
        .expect("manifest");
        let lang = |paths: &[&Path]| {
            let found = discover(paths, true).expect("discovered");
            assert_eq!(found.files.len(), 1, "listed once");
            let file = &found.files[0];
            assert!(file.stamp.is_some(), "stamped");
            assert_eq!(file.path(), clean(&inner.join("x.txt")));
            file.entry
                .as_ref()
                .and_then(|e| e.lang.as_deref().map(str::to_string))
        };
        assert_eq!(lang(&[&inner, &outer]), Some("de".to_string()));
        assert_eq!(lang(&[&outer, &inner]), None);
    }

    /// A manifest read early, while its directory is walked, counts only when a
    /// document asks for it, as one read when asked.
    #[test]
    fn a_broken_manifest_matters_only_to_documents() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join(MANIFEST_NAME), "[[document]\n").expect("manifest");
        let found = discover(&[dir.path()], false).expect("no document asks");
        assert!(found.files.is_empty());
        std::fs::write(dir.path().join("a.txt"), "text").expect("file");
        let err = discover(&[dir.path()], false)
            .err()
            .expect("a document asks");
        assert!(matches!(err, Error::Rules(_)), "{err}");
        std::fs::remove_file(dir.path().join(MANIFEST_NAME)).expect("remove");
        let found = discover(&[dir.path()], false).expect("no manifest");
        assert!(found.files[0].stamp.is_none(), "not stamped");
    }

    #[test]
    fn path_order_key_sorts_like_paths() {
        let names = [
            "a/b",
            "a-b",
            "a",
            "a/b/c",
            "ab",
            "../x",
            "../-x",
            "-x",
            "/abs/a",
            "/abs",
            "a/.hidden",
            "a/-",
            "a/..",
            "a b/c",
            "a/b c",
            "z",
            "é/a",
            "e/a",
        ];
        let mut by_path: Vec<&Path> = names.iter().map(Path::new).collect();
        by_path.sort();
        let mut by_key: Vec<&Path> = names.iter().map(Path::new).collect();
        by_key.sort_by_cached_key(|p| path_order_key(p));
        assert_eq!(by_key, by_path);
    }

    #[test]
    fn display_names_use_single_slashes() {
        assert_eq!(display_name(Path::new("/tmp/d1.txt")), "/tmp/d1.txt");
        assert_eq!(display_name(Path::new("/proc/self/mem")), "/proc/self/mem");
        assert_eq!(display_name(Path::new("/")), "/");
        assert_eq!(display_name(Path::new("seeds/a.txt")), "seeds/a.txt");
        for name in [
            "a", "./a", "././a", "a/./b", "a//b", "a/", "a/.", "/", "//a", "/a/../b", "..", ".",
            "a\\b", "é/x y",
        ] {
            let path = Path::new(name);
            assert_eq!(
                display_name(path),
                display_name_by_components(path),
                "{name}"
            );
        }
    }
}
