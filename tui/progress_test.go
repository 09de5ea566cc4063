package tui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"studyguide/progress"
)

func openStore(t *testing.T, dir string) (*progress.Store, *progress.State, string) {
	t.Helper()
	s, st, notice, err := progress.Open(progress.Options{Pack: "mass-organizations-and-ngos", Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	return s, st, notice
}

func withStore(t *testing.T, dir string, w, h int, chapter int) *harness {
	s, st, notice := openStore(t, dir)
	return newHarness(t, w, h, Options{Chapter: chapter, Progress: st, Store: s, Notice: notice, SaveDelay: time.Nanosecond})
}

// Quit mid-chapter, come back another day on a different terminal: the
// continue entry opens the same paragraph.
func TestContinueAfterRestartAtAnotherWidth(t *testing.T) {
	dir := t.TempDir()
	hs := withStore(t, dir, 120, 40, 4)
	hs.keys("space", "j", "j", "j")
	want := hs.topParagraphText()
	hs.keys("ctrl+c")
	s, _, _ := openStore(t, dir)
	if err := s.Save(hs.m.Progress()); err != nil { // what main does after the program ends
		t.Fatal(err)
	}
	again := withStore(t, dir, 60, 20, 0)
	again.mustSee("Continue: 4 Overwork and the role of staff")
	again.keys("enter")
	if got := again.topParagraphText(); got != want {
		t.Fatalf("continue opened at %.50q; want %.50q", got, want)
	}
}

func TestNotesAreSavedAndShown(t *testing.T) {
	dir := t.TempDir()
	hs := withStore(t, dir, 100, 30, 3)
	hs.keys("e")
	hs.mustSee("Notes · 3 Grant funding and democratic limits", "esc save & close")
	hs.typeText("Who sets our agenda?")
	hs.keys("enter").typeText("Ask the treasurer.")
	hs.keys("esc")
	hs.mustNotSee("esc save & close")
	if got := hs.m.Progress().Note("3"); got != "Who sets our agenda?\nAsk the treasurer." {
		t.Fatalf("note = %q", got)
	}
	b, err := os.ReadFile(filepath.Join(dir, "mass-organizations-and-ngos", "default.json"))
	if err != nil || !strings.Contains(string(b), "Ask the treasurer.") {
		t.Fatalf("the note was not saved: %v %s", err, b)
	}
	hs.keys("q")
	hs.mustSee("Grant funding and democratic limits ✎")
	// reopening the editor shows the note
	hs.keys("down", "down", "down", "enter", "e")
	hs.mustSee("Who sets our agenda?")
}

func TestDamagedProgressIsReportedOnce(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "mass-organizations-and-ngos", "default.json")
	os.MkdirAll(filepath.Dir(path), 0o755)
	os.WriteFile(path, []byte("\x00\x01 not json"), 0o644)
	hs := withStore(t, dir, 100, 30, 0)
	hs.mustSee("Saved progress", "could not be read", "kept as")
	hs.keys("enter")
	hs.mustNotSee("could not be read")
	hs.mustSee("The question of NGOism")
}

func TestSaveFailureWarnsOnceAndKeepsWorking(t *testing.T) {
	dir := t.TempDir()
	hs := withStore(t, dir, 100, 30, 2)
	// the disk goes away under the program: a file where its directory was
	place := filepath.Join(dir, "mass-organizations-and-ngos")
	if err := os.RemoveAll(place); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(place, []byte("a file in the way"), 0o644)
	hs.keys("space") // a change, saved after the delay
	hs.mustSee("Saving is off", "could not be saved")
	hs.keys("esc")
	hs.keys("space", "]", "space")
	hs.mustNotSee("Saving is off")
	hs.mustSee("3/8")
	hs.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	hs.mustSee("not saving")
}
