package tui

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"studyguide/progress"
	"studyguide/quiz"
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

// Progress saved for another version of the pack (fewer chapters, other
// paragraphs, scenarios removed) opens at every entry point: nothing
// panics, and what no longer exists is not offered.
func TestProgressFromAChangedPackOpensEverywhere(t *testing.T) {
	layoutOnly(t)
	entries := map[string]Options{
		"home":    {},
		"read":    {Resume: true},
		"read 2":  {Chapter: 2},
		"quiz":    {Quiz: &quiz.Options{Mode: quiz.Review}},
		"present": {Present: true, PresentItems: 2},
	}
	for _, pos := range []progress.Position{{Chapter: 9, Paragraph: "p999"}, {Chapter: 0, Paragraph: "x"}, {Chapter: -1}, {Chapter: 3, Paragraph: "p999"}} {
		for name, opts := range entries {
			st := progress.New()
			st.Position = pos
			st.MarkRead("9.1")
			st.SetNote("9", "a note on a chapter that is gone")
			st.RecordQuiz(progress.SessionRecord{At: time.Now(), Mode: "all", Total: 1, Answered: 1, Missed: []string{"gone-item"}},
				map[string]progress.Card{"gone-item": {Box: 1, Due: time.Now().Add(-time.Hour), Seen: 1, LastMissed: true, Last: time.Now()}})
			opts.Progress = st
			hs := newHarness(t, 80, 24, opts)
			for _, size := range [][2]int{{40, 12}, {80, 24}} {
				hs.send(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
				_ = hs.m.View()
			}
			if hs.m.top() != nil {
				hs.keys("esc") // "nothing is due": the review's card is for a scenario that is gone
			}
			if hs.m.screen == screenHome {
				hs.keys("enter") // the first entry: Continue where it still means something
				if hs.m.screen != screenReader {
					t.Fatalf("%s with %+v: enter on the chapter list did not open the reader", name, pos)
				}
			}
			if pos.Chapter == 3 && name == "read" && hs.m.reader.chapter != 2 {
				t.Fatalf("read with a paragraph gone from chapter 3 opened chapter %d", hs.m.reader.chapter+1)
			}
		}
	}
}

// studyguide read with no chapter resumes at the saved paragraph; with
// nothing saved it opens chapter 1.
func TestReadResumes(t *testing.T) {
	pack := testPack(t)
	p := pack.Chapters[4].Paragraphs()[3]
	st := progress.New()
	st.SetPosition(5, p.ID)
	hs := newHarness(t, 100, 30, Options{Resume: true, Progress: st})
	if hs.m.screen != screenReader || hs.m.reader.chapter != 4 || hs.topParagraphID() != p.ID {
		t.Fatalf("resume opened chapter %d at %s, want 5 at %s", hs.m.reader.chapter+1, hs.topParagraphID(), p.ID)
	}
	fresh := newHarness(t, 100, 30, Options{Resume: true})
	if fresh.m.screen != screenReader || fresh.m.reader.chapter != 0 {
		t.Fatalf("resume with nothing saved opened chapter %d", fresh.m.reader.chapter+1)
	}
}

// ctrl+s in the notes saves and says so, until the note changes again;
// what it saved is in the file.
func TestCtrlSInNotesSaysItSaved(t *testing.T) {
	dir := t.TempDir()
	hs := withStore(t, dir, 100, 30, 3)
	hs.keys("e").typeText("Who sets our agenda?")
	hs.mustNotSee("saved")
	hs.keys("ctrl+s")
	hs.mustSee("Notes · 3", "saved ✓")
	if _, st, _ := openStore(t, dir); st.Note("3") != "Who sets our agenda?" {
		t.Fatalf("the file holds %q after ctrl+s", st.Note("3"))
	}
	hs.typeText(" And who pays?")
	hs.mustNotSee("saved ✓")
	// without a place to save: kept for this session, and it says that
	nosave := newHarness(t, 100, 30, Options{Chapter: 3})
	nosave.keys("e").typeText("x").keys("ctrl+s")
	nosave.mustSee("kept until you quit")
	nosave.mustNotSee("saved ✓")
}

// The chapter list says how each chapter's quiz items went the last time
// they were answered, once some were.
func TestHomeShowsQuizScoresPerChapter(t *testing.T) {
	hs := newHarness(t, 100, 30, Options{})
	hs.mustNotSee("quiz 0/", "quiz 1/", "quiz 2/", "quiz 3/")
	pack := hs.m.c.pack
	var ids []string
	for _, sc := range pack.Quiz.Scenarios {
		if sc.Chapter == 2 && len(ids) < 3 {
			ids = append(ids, sc.ID)
		}
	}
	now := time.Now()
	cards := map[string]progress.Card{
		ids[0]: {Box: 2, Seen: 1, Right: 1, Last: now, Due: now},
		ids[1]: {Box: 1, Seen: 2, Right: 1, LastMissed: true, Last: now, Due: now},
		ids[2]: {Box: 3, Seen: 3, Right: 3, Last: now, Due: now},
	}
	hs.m.c.progress.RecordQuiz(progress.SessionRecord{At: now}, cards)
	hs.send(tea.WindowSizeMsg{Width: 100, Height: 30})
	hs.mustSee("quiz 2/3")
	if n := len(regexp.MustCompile(`quiz \d+/\d+`).FindAllString(hs.screen(), -1)); n != 1 {
		t.Errorf("%d scores, want 1 (the other chapters were not quizzed on):\n%s", n, hs.screen())
	}
}
