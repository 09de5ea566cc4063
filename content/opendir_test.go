package content_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"studyguide/content"
)

// writePack writes the skeleton into a new directory inside a parent that
// also holds a secret, and returns the pack directory.
func writePack(t *testing.T) string {
	t.Helper()
	parent := t.TempDir()
	if err := os.WriteFile(filepath.Join(parent, "secret"), []byte("the secret\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(parent, "pack")
	if err := content.WriteSkeleton(dir); err != nil {
		t.Fatal(err)
	}
	return dir
}

func editFile(t *testing.T, path, old, new string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil || !strings.Contains(string(b), old) {
		t.Fatalf("%s: %v, or no %q", path, err, old)
	}
	if err := os.WriteFile(path, []byte(strings.Replace(string(b), old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
}

// A pack cannot make the program read outside its directory: not by "..",
// not by an absolute path, not by a symbolic link, and the secret never
// appears in what is reported.
func TestPathsCannotLeaveThePack(t *testing.T) {
	dir := writePack(t)
	meta := filepath.Join(dir, "pack.yaml")
	editFile(t, meta, "article: article.md", "article: ../secret")
	editFile(t, meta, "glossary: glossary.yaml", "glossary: /etc/passwd")
	editFile(t, meta, "guide: guide.yaml", `guide: 'text\guide.yaml'`)
	if err := os.Remove(filepath.Join(dir, "quiz.yaml")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("../secret", filepath.Join(dir, "quiz.yaml")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	probs, _ := content.ValidateDir(dir)
	got := probs.Error()
	for _, want := range []string{
		`pack.yaml:7: article "../secret" climbs out of the pack with "..": name a file inside the pack`,
		`pack.yaml:8: glossary "/etc/passwd" is an absolute path`,
		`pack.yaml:11: guide "text\\guide.yaml" contains a backslash`,
		`quiz.yaml: cannot read: it leads outside the pack directory`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("problems\n%s\nlack %q", got, want)
		}
	}
	if strings.Contains(got, "the secret") || strings.Contains(got, "root:") {
		t.Errorf("the problems show what is outside the pack:\n%s", got)
	}
	if _, err := content.LoadDir(dir); err == nil {
		t.Error("LoadDir loaded the pack")
	}
}

func TestSymlinkInsideThePackIsFollowed(t *testing.T) {
	dir := writePack(t)
	if err := os.Mkdir(filepath.Join(dir, "text"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(filepath.Join(dir, "article.md"), filepath.Join(dir, "text", "article.md")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("text/article.md", filepath.Join(dir, "article.md")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	if _, err := content.LoadDir(dir); err != nil {
		t.Fatal(err)
	}
	// An absolute link is refused even when it points inside.
	os.Remove(filepath.Join(dir, "article.md"))
	os.Symlink(filepath.Join(dir, "text", "article.md"), filepath.Join(dir, "article.md"))
	if probs, _ := content.ValidateDir(dir); !strings.Contains(probs.Error(), "article.md: cannot read: it leads outside") {
		t.Errorf("absolute link: %v", probs)
	}
}

func TestLoadDirRefusesWhatIsNotAPack(t *testing.T) {
	dir := writePack(t)
	if _, err := content.LoadDir(filepath.Join(dir, "missing")); err == nil {
		t.Error("loaded a missing directory")
	}
	if _, err := content.LoadDir(filepath.Join(dir, "pack.yaml")); err == nil || !strings.Contains(err.Error(), "is not a directory") {
		t.Errorf("LoadDir of a file: %v", err)
	}
	if probs, _ := content.ValidateDir(filepath.Join(dir, "missing")); len(probs) != 1 {
		t.Errorf("ValidateDir of a missing directory: %v", probs)
	}
}
