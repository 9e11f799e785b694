//! Finding the documents under the paths of a run (the `ignore` crate: `.gitignore`
//! respected, hidden files skipped, symlinks not followed but listed as skipped) and
//! the manifests that describe them.

use std::collections::HashMap;
use std::ffi::OsString;
use std::path::{Component, Path, PathBuf};

use super::InputProblem;
use super::format::{InputFormat, KNOWN_EXTENSIONS};
use super::manifest::{Entry, MANIFEST_NAME, Manifest};
use crate::Error;
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
}

impl FoundFile {
    fn new(path: PathBuf, entry: Option<Entry>) -> Self {
        let name = display_name(&path).into_boxed_str();
        FoundFile {
            format: InputFormat::from_path(&path).unwrap_or(InputFormat::Text),
            path: (path.as_os_str() != &*name).then(|| path.into_boxed_path()),
            name,
            entry,
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

/// Walks `paths`; explicit files are always documents, walked files only by extension.
pub(crate) fn discover<P: AsRef<Path>>(paths: &[P]) -> Result<Found, Error> {
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
    let mut manifests = Vec::new();
    let mut manifest_by_dir: HashMap<OsString, Option<usize>> = HashMap::new();
    let mut found = Vec::with_capacity(files.len());
    for (file, root) in files {
        let entry = take_entry(&file, &roots[root], &mut manifests, &mut manifest_by_dir)?;
        found.push(FoundFile::new(file, entry));
    }
    Ok(Found {
        files: found,
        problems,
    })
}

/// The file's entry in the nearest manifest that lists it, in the file's directory
/// or a parent up to the corpus root, taken out of that manifest (each file is
/// looked up once).
fn take_entry(
    file: &Path,
    root: &Path,
    manifests: &mut Vec<Manifest>,
    cache: &mut HashMap<OsString, Option<usize>>,
) -> Result<Option<Entry>, Error> {
    let mut dir = parent_dir_of(file);
    loop {
        let index = match cache.get(dir.as_os_str()) {
            Some(index) => *index,
            None => {
                let candidate = dir.join(MANIFEST_NAME);
                let index = if candidate.is_file() {
                    manifests.push(Manifest::load(&candidate, &display_name(&candidate))?);
                    Some(manifests.len() - 1)
                } else {
                    None
                };
                cache.insert(dir.as_os_str().to_os_string(), index);
                index
            }
        };
        if let Some(entry) = index.and_then(|index| manifests[index].take(file)) {
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
            let found = discover(paths).expect("discovered");
            assert_eq!(found.files.len(), 1, "listed once");
            let file = &found.files[0];
            assert_eq!(file.path(), clean(&inner.join("x.txt")));
            file.entry
                .as_ref()
                .and_then(|e| e.lang.as_deref().map(str::to_string))
        };
        assert_eq!(lang(&[&inner, &outer]), Some("de".to_string()));
        assert_eq!(lang(&[&outer, &inner]), None);
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
