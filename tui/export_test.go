package tui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"studyguide/progress"
)

func TestExportFromTheChapterList(t *testing.T) {
	st := progress.New()
	st.SetNote("2", "Which of the ten signs do we see in our coalition?")
	hs := newHarness(t, 80, 24, Options{Progress: st})
	hs.keys("x")
	hs.mustSee("Your notes were written to")
	files, _ := filepath.Glob(filepath.Join(hs.m.c.exportDir, "studyguide-notes-*.md"))
	if len(files) != 1 {
		t.Fatalf("export files: %v", files)
	}
	raw, _ := os.ReadFile(files[0])
	if !strings.Contains(string(raw), "## 2. Ten warning signs") || !strings.Contains(string(raw), "ten signs do we see") {
		t.Fatalf("export:\n%s", raw)
	}
}
