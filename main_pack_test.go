package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// The author's loop: init, validate, open with --pack.
func TestPackInitValidateOpen(t *testing.T) {
	t.Setenv("STUDYGUIDE_STATE_DIR", t.TempDir())
	dir := filepath.Join(t.TempDir(), "mypack")
	out, err := run(t, "pack", "init", dir)
	if err != nil || !strings.Contains(out, "pack validate "+dir) {
		t.Fatalf("init: %v\n%s", err, out)
	}
	out, err = run(t, "pack", "validate", dir)
	if err != nil || !strings.Contains(out, "no problems") {
		t.Fatalf("a fresh skeleton should validate: %v\n%s", err, out)
	}
	if _, err := run(t, "pack", "init", dir); err == nil {
		t.Fatal("init over an existing pack should refuse")
	}
	out, err = run(t, "--pack", dir, "glossary", "quorum")
	if err != nil || !strings.HasPrefix(out, "quorum (") {
		t.Fatalf("--pack glossary: %v\n%s", err, out)
	}
	out, err = run(t, "--pack", dir, "print", "1")
	if err != nil || strings.Contains(out, "Mass Organizations") {
		t.Fatalf("--pack print shows the built-in essay or fails: %v\n%.200s", err, out)
	}
	// the pack's own quiz, its own labels
	out, err = runIn(t, "q\n", "--pack", dir, "quiz", "--plain", "--seed", "1")
	if err != nil || strings.Contains(out, "NGO-like") || !strings.Contains(out, "1) ") {
		t.Fatalf("--pack quiz: %v\n%s", err, out)
	}
	out, err = run(t, "--pack", dir, "plan")
	if err != nil || !strings.Contains(out, "Meeting 1") {
		t.Fatalf("--pack plan: %v\n%s", err, out)
	}
}

// Planted escape sequences and a path out of the pack are refused with the
// file and line; nothing of them is printed.
func TestPackValidateRefusesUnsafeInput(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "p")
	if _, err := run(t, "pack", "init", dir); err != nil {
		t.Fatal(err)
	}
	g, _ := os.ReadFile(filepath.Join(dir, "glossary.yaml"))
	planted := strings.Replace(string(g), "The list of questions", "The list \x1b]52;c;cm0gLXJmIH4=\x07of questions", 1)
	writeFile(t, filepath.Join(dir, "glossary.yaml"), planted)
	m, _ := os.ReadFile(filepath.Join(dir, "pack.yaml"))
	writeFile(t, filepath.Join(dir, "pack.yaml"), strings.Replace(string(m), "guide: guide.yaml", "guide: ../../etc/passwd", 1))

	out, err := run(t, "pack", "validate", dir)
	if err == nil {
		t.Fatalf("validate passed an unsafe pack:\n%s", out)
	}
	if strings.Contains(out, "\x1b") || strings.Contains(err.Error(), "\x1b") {
		t.Fatal("the escape sequence reached the output")
	}
	line := 0
	for i, l := range strings.Split(planted, "\n") {
		if strings.Contains(l, "\x1b") {
			line = i + 1
		}
	}
	for _, want := range []string{
		filepath.Join(dir, "glossary.yaml") + ":" + itoa(line) + ":",
		filepath.Join(dir, "pack.yaml") + ":",
		"..",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("validate output lacks %q:\n%s", want, out)
		}
	}
	_, err = run(t, "--pack", dir, "print")
	if err == nil || !strings.Contains(err.Error(), "pack validate") || strings.Contains(err.Error(), "\x1b") {
		t.Fatalf("--pack on a broken pack: %v", err)
	}
}

func TestPackMissingDirectory(t *testing.T) {
	_, err := run(t, "--pack", filepath.Join(t.TempDir(), "nope"), "print")
	if err == nil || !strings.Contains(err.Error(), "--pack") {
		t.Fatalf("want a clear error for a missing pack, got %v", err)
	}
	_, err = run(t, "pack", "validate", filepath.Join(t.TempDir(), "nope"))
	if err == nil {
		t.Fatal("validate of a missing directory should fail")
	}
}

func itoa(n int) string { return strconv.Itoa(n) }
