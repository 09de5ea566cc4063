package tui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"studyguide/progress"
)

// x on the chapter list writes a new file each time, never over one the
// reader may have edited, never through a link planted with the expected
// name, and says what it wrote.
func TestExportFromTheChapterList(t *testing.T) {
	st := progress.New()
	st.SetNote("2", "Which of the ten signs do we see in our coalition?")
	hs := newHarness(t, 120, 30, Options{Progress: st})
	dir := hs.m.c.exportDir
	victim := filepath.Join(t.TempDir(), "bashrc")
	os.WriteFile(victim, []byte("keep me\n"), 0o644)
	name := filepath.Join(dir, ExportName(hs.m.c.pack.Meta.ID, "", time.Now()))
	if err := os.Symlink(victim, name); err != nil {
		t.Fatal(err)
	}
	hs.keys("x")
	hs.mustSee("Written to")
	if msg, ok := hs.m.top().(*messageOverlay); !ok || !strings.Contains(msg.text, stemOf(name)+"-2.md: notes on 1 chapter.") {
		t.Fatalf("the export's message: %+v", hs.m.top())
	}
	hs.keys("enter")
	hs.keys("x")
	hs.keys("enter")
	if raw, _ := os.ReadFile(victim); string(raw) != "keep me\n" {
		t.Fatalf("export wrote through a link: the file it points to now holds\n%s", raw)
	}
	stem := stemOf(name)
	for _, f := range []string{stem + "-2.md", stem + "-3.md"} {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatalf("expected a new file %s: %v", f, err)
		}
		if !strings.Contains(string(raw), "## 2. Ten warning signs") || !strings.Contains(string(raw), "ten signs do we see") {
			t.Fatalf("export:\n%s", raw)
		}
	}
}

func TestExportSaysWhatItHolds(t *testing.T) {
	st := progress.New()
	if got := progress.ExportContents(st); got != "nothing yet (no notes, no quiz sessions)" {
		t.Fatalf("empty: %q", got)
	}
	st.RecordQuiz(progress.SessionRecord{At: time.Now(), Mode: "all", Total: 2, Answered: 1}, nil)
	if got := progress.ExportContents(st); got != "the quiz history only (1 session)" {
		t.Fatalf("quiz only: %q", got)
	}
	st.SetNote("1", "x")
	st.SetNote("3", "y")
	if got := progress.ExportContents(st); got != "notes on 2 chapters and the quiz history (1 session)" {
		t.Fatalf("both: %q", got)
	}
}

func stemOf(name string) string { return strings.TrimSuffix(name, ".md") }
