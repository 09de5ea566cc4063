package progress

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/gofrs/flock"
)

// Every change moves the change counter forward, so two changes in a row
// never cancel out and leave a change unsaved.
func TestEveryChangeMovesTheCounterForward(t *testing.T) {
	s := New()
	last := s.Changes()
	for _, c := range []struct {
		name string
		do   func()
	}{
		{"position", func() { s.SetPosition(2, "p12") }},
		{"read", func() { s.MarkRead("2.1") }},
		{"note", func() { s.SetNote("2", "why grants?") }},
		{"theme", func() { s.SetTheme("light") }},
		{"quiz", func() { s.RecordQuiz(SessionRecord{At: q0, Mode: "all", Total: 2, Answered: 1}, nil) }},
		{"presentation", func() { s.SetPresentation(Presentation{Step: 4, Chapter: 1, Kind: "quiz"}) }},
		{"another position", func() { s.SetPosition(3, "p29") }},
		{"another note", func() { s.SetNote("3", "floors and ceilings") }},
		{"a note deleted", func() { s.SetNote("2", "") }},
		{"another read", func() { s.MarkRead("3.1") }},
		{"another theme", func() { s.SetTheme("dark") }},
		{"a card", func() { s.RecordQuiz(SessionRecord{}, map[string]Card{"a": {Box: 1, Seen: 1, Last: q0}}) }},
	} {
		c.do()
		if now := s.Changes(); now <= last {
			t.Fatalf("after the %s change the counter went from %d to %d; want it to move forward", c.name, last, now)
		}
		last = s.Changes()
	}
}

// Merging with what another copy saved: this copy's theme wins, the disk's
// fills in when this copy has none; the later presentation wins; fields
// from a newer version are kept from either side.
func TestMergeThemePresentationAndNewerFields(t *testing.T) {
	t0 := time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)
	for _, c := range []struct{ disk, mine, want string }{{"light", "", "light"}, {"light", "dark", "dark"}, {"", "dark", "dark"}} {
		disk, mine := New(), New()
		disk.Theme, mine.Theme = c.disk, c.mine
		if got := merge(disk, mine).Theme; got != c.want {
			t.Errorf("theme on disk %q, here %q: merged %q; want %q", c.disk, c.mine, got, c.want)
		}
	}

	early := &Presentation{Step: 3, At: t0}
	late := &Presentation{Step: 9, At: t0.Add(time.Hour)}
	for _, c := range []struct {
		name       string
		disk, mine *Presentation
		want       int // step; -1 for none
	}{
		{"only on disk", late, nil, 9},
		{"only here", nil, early, 3},
		{"disk later", late, early, 9},
		{"here later", early, late, 9},
		{"neither", nil, nil, -1},
	} {
		disk, mine := New(), New()
		disk.Present, mine.Present = c.disk.clone(), c.mine.clone()
		got := merge(disk, mine).Present
		if step := -1; got != nil {
			step = got.Step
			if step != c.want {
				t.Errorf("presentation %s: merged step %d; want %d", c.name, step, c.want)
			}
		} else if c.want != -1 {
			t.Errorf("presentation %s: merged none; want step %d", c.name, c.want)
		}
	}

	newer := func(field string) *State {
		st, err := decode([]byte(`{"version":1,"` + field + `":[1],"quiz":{"` + field + `-q":true}}`))
		if err != nil {
			t.Fatal(err)
		}
		return st
	}
	for _, c := range []struct {
		name       string
		disk, mine *State
		want       []string
	}{
		{"newer fields on disk", newer("a"), New(), []string{`"a":[1]`, `"a-q":true`}},
		{"newer fields here", New(), newer("b"), []string{`"b":[1]`, `"b-q":true`}},
		{"on both", newer("a"), newer("b"), []string{`"a":[1]`, `"b":[1]`, `"a-q":true`, `"b-q":true`}},
	} {
		b, err := merge(c.disk, c.mine).MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range c.want {
			if !strings.Contains(string(b), w) {
				t.Errorf("%s: the merged file lacks %s: %s", c.name, w, b)
			}
		}
	}
}

// Of two copies of one review card, the one answered more often wins when
// both were last answered at the same moment.
func TestMergeCardsTieOnTimeGoesToMoreAnswers(t *testing.T) {
	disk, mine := New(), New()
	disk.Quiz.Cards = map[string]Card{"a": {Box: 3, Seen: 4, Last: q0}, "b": {Box: 1, Seen: 1, Last: q0}}
	mine.Quiz.Cards = map[string]Card{"a": {Box: 2, Seen: 3, Last: q0}, "b": {Box: 2, Seen: 2, Last: q0}}
	out := merge(disk, mine).Quiz.Cards
	if out["a"].Seen != 4 || out["b"].Seen != 2 {
		t.Fatalf("merged cards %+v; want the copy with more answers of each", out)
	}
}

// The export names whose notes they are (not for the default profile),
// says "no notes yet" only when there are none, lists the missed scenarios
// most often missed first with where their passage is, says "answered right
// since" only of a scenario answered since, and counts only signs asked.
func TestExportDetails(t *testing.T) {
	pack := loadPack(t)
	export := func(st *State, profile string) string {
		var b bytes.Buffer
		if err := Export(&b, st, pack, profile, q0); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	st := New()
	for profile, want := range map[string]string{"": "Exported from studyguide on ", "default": "Exported from studyguide on ", "anna": "Exported from studyguide for anna on "} {
		if out := export(st, profile); !strings.Contains(out, want) {
			t.Errorf("profile %q: export lacks %q:\n%s", profile, want, out)
		}
	}

	// one note on a chapter and one on a chapter that is gone: notes
	st.SetNote("2", "on two")
	st.SetNote("99", "on a chapter cut since")
	if out := export(st, ""); strings.Contains(out, "No notes yet") {
		t.Errorf("with two notes the export says there are none:\n%s", out)
	}
	// notes on the first and the last chapter are theirs, not orphans
	st2 := New()
	last := len(pack.Chapters)
	st2.SetNote("1", "on one")
	st2.SetNote(itoa(last), "on the last")
	out := export(st2, "")
	if strings.Contains(out, "no longer in this pack") || !strings.Contains(out, "## 1. "+pack.Chapters[0].Title) ||
		!strings.Contains(out, "## "+itoa(last)+". "+pack.Chapters[last-1].Title) {
		t.Errorf("notes on chapters 1 and %d are not under their chapters:\n%s", last, out)
	}

	// missed: b once in the first session, a twice after it; a comes first
	q := New()
	bank := pack.Quiz
	a, b := bank.Scenarios[0], bank.Scenarios[1]
	q.RecordQuiz(SessionRecord{At: q0, Mode: "all", Total: 3, Answered: 3, Missed: []string{b.ID, a.ID},
		Signs: map[string]Tally{"1": {Asked: 1, Right: 1}, "gone-unasked": {}, "gone-asked": {Asked: 2, Right: 1}}}, nil)
	q.RecordQuiz(SessionRecord{At: q0.Add(time.Hour), Mode: "all", Total: 3, Answered: 3, Missed: []string{a.ID}},
		map[string]Card{b.ID: {Box: 1, Seen: 0, Last: q0}})
	out = export(q, "")
	ia, ib := strings.Index(out, "#### "+a.ID), strings.Index(out, "#### "+b.ID)
	if ia < 0 || ib < 0 || ia > ib {
		t.Errorf("%s (missed twice) should come before %s (missed once):\n%s", a.ID, b.ID, out)
	}
	if strings.Contains(out, "answered right since") {
		t.Errorf("a card never answered is not 'answered right since':\n%s", out)
	}
	if !strings.Contains(out, "From chapter "+itoa(a.Chapter)+", “"+a.Paragraph.Chapter.Title+"”:\n\n> "+a.Passage) {
		t.Errorf("the missed scenario's passage is not placed in its chapter:\n%s", out)
	}
	if !strings.Contains(out, "- sign gone-asked: 1 of 2 right (50%)") || strings.Contains(out, "gone-unasked") {
		t.Errorf("signs no longer in the pack: only those asked are counted:\n%s", out)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// A file just under the size limit loads; one just over it is set aside
// as too large, saying so.
func TestLoadSizeLimit(t *testing.T) {
	for _, c := range []struct {
		size  int
		loads bool
	}{{MaxFileSize, true}, {MaxFileSize + 1, false}} {
		dir := t.TempDir()
		path := filepath.Join(dir, "essay", "default.json")
		os.MkdirAll(filepath.Dir(path), 0o755)
		body := []byte(`{"version":1,"position":{"chapter":2,"paragraph":"p12"}}`)
		body = append(body, bytes.Repeat([]byte(" "), c.size-len(body))...)
		os.WriteFile(path, body, 0o644)
		_, st, notice := open(t, dir, "")
		if c.loads && (notice != "" || st.Position.Paragraph != "p12") {
			t.Errorf("a %d-byte file should load: %q", c.size, notice)
		}
		if !c.loads && !strings.Contains(notice, "larger than 8 MB") {
			t.Errorf("a %d-byte file should be set aside as too large: %q", c.size, notice)
		}
	}
}

// Damaged files set aside in one second are numbered in order: the first
// plain, then -2, -3.
func TestDamagedFilesAreNumberedInOrder(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "essay", "default.json")
	os.MkdirAll(filepath.Dir(path), 0o755)
	fixed := time.Date(2026, 11, 25, 2, 42, 57, 0, time.UTC)
	var notices []string
	for _, junk := range []string{"one", "two", "three"} {
		os.WriteFile(path, []byte(junk), 0o644)
		s := &Store{path: path, clock: func() time.Time { return fixed }}
		_, notice := s.load()
		notices = append(notices, notice)
	}
	base := path + ".damaged-20261125-024257"
	for i, name := range []string{base, base + "-2", base + "-3"} {
		if b, err := os.ReadFile(name); err != nil || string(b) != []string{"one", "two", "three"}[i] {
			t.Errorf("%s: %q, %v", filepath.Base(name), b, err)
		}
		if !strings.Contains(notices[i], name+",") {
			t.Errorf("notice %d does not name %s: %q", i+1, name, notices[i])
		}
	}
}

// A save waits for another running copy to finish its own (the lock is
// held for a moment), rather than failing and turning saving off.
func TestSaveWaitsForAnotherCopysLock(t *testing.T) {
	dir := t.TempDir()
	s, st, _ := open(t, dir, "")
	if err := s.Save(st); err != nil {
		t.Fatal(err)
	}
	lock := flock.New(s.Path() + ".lock")
	if err := lock.Lock(); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	go func() {
		<-ctx.Done()
		lock.Unlock()
	}()
	st.SetPosition(5, "p40")
	if err := s.Save(st); err != nil {
		t.Fatalf("a save while another copy held the lock for 300 ms: %v", err)
	}
	_, back, _ := open(t, dir, "")
	if back.Position.Chapter != 5 || back.Position.Paragraph != "p40" {
		t.Fatalf("the save after the wait was lost: %+v", back.Position)
	}
}

// A position whose paragraph is gone moves to the start of its chapter, the
// first and the last chapter included.
func TestFitToKeepsTheFirstAndLastChapter(t *testing.T) {
	pack := builtin(t)
	last := len(pack.Chapters)
	for _, ch := range []int{1, last} {
		s := New()
		s.Position = Position{Chapter: ch, Paragraph: "p9999"}
		s.FitTo(pack)
		if want := pack.Chapters[ch-1].Paragraphs()[0].ID; s.Position.Chapter != ch || s.Position.Paragraph != want {
			t.Errorf("chapter %d, paragraph gone: %+v; want chapter %d at %s", ch, s.Position, ch, want)
		}
	}
}
