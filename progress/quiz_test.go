package progress

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"studyguide/content"
	"studyguide/seeds"
)

var q0 = time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)

func record(at time.Time, answered, correct int, missed ...string) SessionRecord {
	return SessionRecord{At: at, Mode: "all", Total: 10, Answered: answered, Correct: correct, Missed: missed,
		Signs: map[string]Tally{"1": {Asked: 2, Right: 1}}}
}

func TestRecordQuizCountsOnlyRealChanges(t *testing.T) {
	var s State
	c := s.Changes()
	card := Card{Box: 2, Due: q0.Add(24 * time.Hour), Seen: 1, Right: 1, Last: q0}
	steps := []struct {
		name   string
		do     func()
		change bool
	}{
		{"nothing answered", func() { s.RecordQuiz(SessionRecord{At: q0, Total: 10}, nil) }, false},
		{"first answer", func() { s.RecordQuiz(record(q0, 1, 1), map[string]Card{"a": card}) }, true},
		{"same again", func() { s.RecordQuiz(record(q0, 1, 1), map[string]Card{"a": card}) }, false},
		{"same, other time zone", func() {
			s.RecordQuiz(record(q0.In(time.FixedZone("x", 3600)), 1, 1), map[string]Card{"a": card})
		}, false},
		{"second answer replaces the record", func() {
			s.RecordQuiz(record(q0, 2, 1, "b"), map[string]Card{"b": {Box: 1, Seen: 1, Due: q0, Last: q0, LastMissed: true}})
		}, true},
		{"a new session", func() { s.RecordQuiz(record(q0.Add(-time.Hour), 3, 3), nil) }, true},
	}
	for _, st := range steps {
		st.do()
		if changed := s.Changes() != c; changed != st.change {
			t.Errorf("%s: changed = %v; want %v", st.name, changed, st.change)
		}
		c = s.Changes()
	}
	if len(s.Quiz.History) != 2 || !s.Quiz.History[0].At.Equal(q0.Add(-time.Hour)) || s.Quiz.History[1].Answered != 2 {
		t.Errorf("history should hold two sessions, oldest first: %+v", s.Quiz.History)
	}
	cards := s.QuizCards()
	if len(cards) != 2 || !cards["b"].LastMissed {
		t.Errorf("cards: %+v", cards)
	}
	cards["a"] = Card{}
	if s.Quiz.Cards["a"].Box != 2 {
		t.Error("QuizCards should be a copy")
	}
	if len(New().QuizCards()) != 0 || New().QuizCards() == nil {
		t.Error("QuizCards on fresh progress should be an empty map")
	}
}

func TestQuizRoundTrip(t *testing.T) {
	dir := t.TempDir()
	s, st, _ := open(t, dir, "")
	if b, _ := st.MarshalJSON(); strings.Contains(string(b), "quiz") {
		t.Errorf("fresh progress should not write an empty quiz: %s", b)
	}
	card := Card{Box: 3, Due: q0.Add(72 * time.Hour), Seen: 4, Right: 3, Last: q0}
	rec := record(q0, 4, 3, "union-endorses-for-access")
	rec.Mode, rec.Chapter = "chapter", 3
	st.RecordQuiz(rec, map[string]Card{"tenant-phonebank-overtime": card})
	if err := s.Save(st); err != nil {
		t.Fatal(err)
	}
	_, got, notice := open(t, dir, "")
	if notice != "" {
		t.Fatal(notice)
	}
	if c := got.Quiz.Cards["tenant-phonebank-overtime"]; !c.equal(card) {
		t.Errorf("card came back as %+v", c)
	}
	if len(got.Quiz.History) != 1 || !got.Quiz.History[0].equal(rec) {
		t.Errorf("history came back as %+v", got.Quiz.History)
	}
}

func TestNewerQuizFieldsAreKept(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "essay", "default.json")
	os.MkdirAll(filepath.Dir(path), 0o755)
	os.WriteFile(path, []byte(`{"version": 2, "pack": "essay",
		"quiz": {"cards": {"a": {"box": 2, "seen": 1, "right": 1, "due": "2026-11-26T10:00:00Z", "last": "2026-11-25T10:00:00Z"}},
		         "streak": 5}}`), 0o644)
	s, st, notice := open(t, dir, "")
	if notice != "" || st.Quiz.Cards["a"].Box != 2 {
		t.Fatalf("a newer file should load: %q %+v", notice, st.Quiz)
	}
	st.RecordQuiz(record(q0, 1, 1), nil)
	if err := s.Save(st); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(path)
	var back struct {
		Quiz map[string]json.RawMessage `json:"quiz"`
	}
	json.Unmarshal(b, &back)
	if string(back.Quiz["streak"]) != "5" || back.Quiz["history"] == nil || back.Quiz["cards"] == nil {
		t.Fatalf("quiz fields from the newer version were lost: %s", b)
	}
	// A clone keeps them too, so the background save does not drop them.
	if c := st.Clone(); string(c.Quiz.extra["streak"]) != "5" {
		t.Error("Clone lost the newer quiz fields")
	}
}

func TestMergeQuiz(t *testing.T) {
	later, earlier := q0.Add(time.Hour), q0
	disk := New()
	disk.Quiz.Cards = map[string]Card{
		"disk-newer": {Box: 3, Seen: 3, Last: later},
		"mine-newer": {Box: 5, Seen: 9, Last: earlier},
		"only-disk":  {Box: 2, Seen: 1, Last: earlier},
	}
	disk.Quiz.History = []SessionRecord{record(q0, 3, 3), record(q0.Add(2*time.Hour), 5, 4), record(q0.Add(3*time.Hour), 2, 2)}
	disk.Quiz.extra = map[string]json.RawMessage{"streak": json.RawMessage("5")}
	mine := New()
	mine.Quiz.Cards = map[string]Card{
		"disk-newer": {Box: 1, Seen: 2, Last: earlier, LastMissed: true},
		"mine-newer": {Box: 1, Seen: 10, Last: later, LastMissed: true},
		"only-mine":  {Box: 2, Seen: 1, Last: earlier},
	}
	// The same session as on disk, recorded further along; one of mine only;
	// one that disk has further along.
	mine.Quiz.History = []SessionRecord{record(q0.Add(time.Hour), 1, 1), record(q0, 6, 5), record(q0.Add(3*time.Hour), 1, 1)}
	out := merge(disk, mine)
	want := map[string]int{"disk-newer": 3, "mine-newer": 1, "only-disk": 2, "only-mine": 2}
	for id, box := range want {
		if out.Quiz.Cards[id].Box != box {
			t.Errorf("card %s: box %d; want %d", id, out.Quiz.Cards[id].Box, box)
		}
	}
	var got [][2]int // hour, answered
	for _, r := range out.Quiz.History {
		got = append(got, [2]int{int(r.At.Sub(q0).Hours()), r.Answered})
	}
	if want := [][2]int{{0, 6}, {1, 1}, {2, 5}, {3, 2}}; !slices.Equal(got, want) {
		t.Errorf("history (hour, answered) = %v; want %v", got, want)
	}
	if string(out.Quiz.extra["streak"]) != "5" {
		t.Error("newer quiz fields on disk were dropped by the merge")
	}
	if mine.Quiz.Cards["disk-newer"].Box != 1 || len(mine.Quiz.History) != 3 {
		t.Error("merge changed its input")
	}
	// Two copies that each finished a session lose neither.
	a, b := New(), New()
	a.RecordQuiz(record(q0, 10, 8), map[string]Card{"x": {Box: 2, Seen: 1, Last: q0}})
	b.RecordQuiz(record(later, 10, 9), map[string]Card{"y": {Box: 2, Seen: 1, Last: later}})
	if m := merge(a, b); len(m.Quiz.History) != 2 || len(m.Quiz.Cards) != 2 {
		t.Errorf("a completed save was lost: %+v", m.Quiz)
	}
}

func TestCloneCopiesQuiz(t *testing.T) {
	s := New()
	s.RecordQuiz(record(q0, 1, 1), map[string]Card{"a": {Box: 2}})
	c := s.Clone()
	s.RecordQuiz(record(q0, 2, 2), map[string]Card{"a": {Box: 3}, "b": {Box: 1}})
	if c.Quiz.Cards["a"].Box != 2 || len(c.Quiz.Cards) != 1 || c.Quiz.History[0].Answered != 1 {
		t.Errorf("the clone shares quiz data with the original: %+v", c.Quiz)
	}
}

func loadPack(t *testing.T) *content.Pack {
	t.Helper()
	p, err := content.Load(seeds.FS)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestExportQuiz(t *testing.T) {
	pack := loadPack(t)
	st := New()
	var b bytes.Buffer
	if err := Export(&b, st, pack, "", q0); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), "Quiz") {
		t.Errorf("no sessions, no quiz section:\n%s", b.String())
	}
	first := SessionRecord{At: q0, Mode: "all", Total: 10, Answered: 10, Correct: 7,
		Missed: []string{"union-endorses-for-access", "co-chair-contested-election", "renamed-long-ago"},
		Signs:  map[string]Tally{"1": {Asked: 2, Right: 2}, "9": {Asked: 2, Right: 1}}}
	second := SessionRecord{At: q0.Add(26 * time.Hour), Mode: "chapter", Chapter: 3, Total: 12, Answered: 5, Correct: 4,
		Missed: []string{"union-endorses-for-access"}, Signs: map[string]Tally{"1": {Asked: 1, Right: 1}, "9": {Asked: 1, Right: 0}}}
	st.RecordQuiz(first, nil)
	st.RecordQuiz(second, map[string]Card{"co-chair-contested-election": {Box: 2, Seen: 2, Right: 1, Last: q0.Add(time.Hour)}})
	st.SetNote("3", "Who sets our agenda?")
	b.Reset()
	if err := Export(&b, st, pack, "", q0.Add(48*time.Hour)); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	union, _ := pack.Quiz.Scenario("union-endorses-for-access")
	wants := []string{
		"Who sets our agenda?\n\n## Quiz\n\n### Sessions\n\n",
		"- 25 November 2026, 10:00 · all scenarios · 7 of 10 right (70%)\n",
		"- 26 November 2026, 12:00 · chapter 3 · 4 of 5 right (80%), stopped after 5 of 12\n",
		"### Accuracy per sign\n\n- Overwork culture (sign 1): 3 of 3 right (100%)\n- Risk-averse insider tactics (sign 9): 1 of 3 right (33%)\n\n",
		"### Missed scenarios\n\n#### union-endorses-for-access\n\n*labor union · answer: NGO-like · missed 2 times*\n\n",
		union.Explanation,
		"> " + union.Passage,
		"#### co-chair-contested-election\n\n*socialist chapter · answer: Mass-organization-like · missed once, answered right since*",
		"#### renamed-long-ago\n\n*missed once; no longer in this pack.*",
	}
	for _, w := range wants {
		if !strings.Contains(out, w) {
			t.Errorf("export lacks %q:\n%s", w, out)
		}
	}
	if strings.Index(out, "union-endorses") > strings.Index(out, "co-chair") {
		t.Error("the most often missed should come first")
	}
	if !strings.HasSuffix(out, "\n") || strings.HasSuffix(out, "\n\n") {
		t.Error("the export should end with exactly one newline")
	}
}

func FuzzDecodeQuiz(f *testing.F) {
	f.Add([]byte(`{"version":1,"quiz":{"cards":{"a":{"box":2,"due":"2026-11-26T10:00:00Z","seen":1,"right":1,"last":"2026-11-25T10:00:00Z"}},` +
		`"history":[{"at":"2026-11-25T10:00:00Z","mode":"all","total":3,"answered":2,"correct":1,"missed":["b"],"signs":{"1":{"asked":1,"right":0}}}],"x":[1]}}`))
	f.Add([]byte(`{"version":1,"quiz":null}`))
	f.Add([]byte(`{"version":1,"quiz":{"history":[{}]}}`))
	f.Add([]byte(`{"version":1,"quiz":[]}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		st, err := decode(b)
		if err != nil {
			return
		}
		again, err := st.MarshalJSON()
		if err != nil {
			t.Fatalf("a loaded state does not save: %v", err)
		}
		st2, err := decode(again)
		if err != nil {
			t.Fatalf("a saved state does not load: %v\n%s", err, again)
		}
		if len(st2.Quiz.Cards) != len(st.Quiz.Cards) || len(st2.Quiz.History) != len(st.Quiz.History) || len(st2.Quiz.extra) != len(st.Quiz.extra) {
			t.Fatalf("round trip changed the quiz:\n%+v\n%+v", st.Quiz, st2.Quiz)
		}
		m := merge(st, st2)
		if len(m.Quiz.History) > len(st.Quiz.History) || len(m.Quiz.Cards) != len(st.Quiz.Cards) {
			t.Fatalf("merging a state with its own copy changed the quiz:\n%+v\n%+v", st.Quiz, m.Quiz)
		}
	})
}

// A score is rounded to the nearest percent, half up, as people expect:
// 2 of 3 is 67%, not 66%.
func TestExportRoundsPercentages(t *testing.T) {
	pack := loadPack(t)
	st := New()
	st.RecordQuiz(SessionRecord{At: q0, Mode: "all", Total: 3, Answered: 3, Correct: 2,
		Signs: map[string]Tally{"1": {Asked: 3, Right: 2}, "9": {Asked: 8, Right: 1}}}, nil)
	var b bytes.Buffer
	if err := Export(&b, st, pack, "", q0); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"2 of 3 right (67%)", "(sign 1): 2 of 3 right (67%)", "(sign 9): 1 of 8 right (13%)"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("export lacks %q:\n%s", want, b.String())
		}
	}
}
