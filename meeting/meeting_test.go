package meeting_test

import (
	"strconv"
	"strings"
	"testing"

	"studyguide/content"
	"studyguide/meeting"
	"studyguide/room"
	"studyguide/seeds"
)

func deck(t *testing.T) (*meeting.Deck, *room.Room) {
	t.Helper()
	pack, err := seeds.Pack()
	if err != nil {
		t.Fatal(err)
	}
	r, err := room.New(room.Config{Pack: pack})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(r.Close)
	return meeting.NewDeck(pack, 4, 1), r
}

// The deck walks each chapter from its title card to the room's summary,
// and the counter says where a step is in its chapter.
func TestDeckChapters(t *testing.T) {
	d, _ := deck(t)
	start := d.Start(2)
	if s := d.At(start); s.Kind != meeting.Title || s.Chapter.Number != 2 {
		t.Fatalf("chapter 2 starts with %+v", s)
	}
	if d.Start(99) != 0 {
		t.Errorf("an unknown chapter starts at %d, want 0", d.Start(99))
	}
	end := start
	for end+1 < d.Len() && d.At(end+1).Chapter.Number == 2 {
		end++
	}
	if d.At(end).Kind != meeting.Summary {
		t.Errorf("chapter 2 ends with a step of kind %v", d.At(end).Kind)
	}
	n := end - start + 1
	if got, want := d.Counter(start), "ch 2 · 1/"+strconv.Itoa(n); got != want {
		t.Errorf("Counter(start) = %q, want %q", got, want)
	}
	if got, want := d.Counter(end), "ch 2 · "+strconv.Itoa(n)+"/"+strconv.Itoa(n); got != want {
		t.Errorf("Counter(end) = %q, want %q", got, want)
	}
	quizzes := 0
	for i := start; i <= end; i++ {
		s := d.At(i)
		rs := d.RoomStep(i)
		if rs.Index != i || rs.Chapter != 2 || (s.Kind == meeting.Quiz) != (rs.Scenario != "") ||
			(s.Kind == meeting.Question) != (rs.Question != "") {
			t.Errorf("RoomStep(%d) = %+v for a step of kind %v", i, rs, s.Kind)
		}
		if s.Kind == meeting.Quiz {
			quizzes++
		}
	}
	if quizzes != 4 {
		t.Errorf("%d quiz steps in chapter 2, want 4", quizzes)
	}
}

// What a member sees of a quiz item: nothing of the room's split while the
// vote is open, their own choice marked; then the tally beside what they
// said, the essay's answer and whether they agree; then the sign question
// the same way.
func TestSeeAQuizItem(t *testing.T) {
	d, r := deck(t)
	pack, _ := seeds.Pack()
	q := d.Start(2)
	for d.At(q).Kind != meeting.Quiz {
		q++
	}
	sc := d.At(q).Scenario
	ada, _ := r.Join("", "Ada")
	bo, _ := r.Join("", "Bo")
	see := func(m *room.Member) meeting.Seen {
		iv, shown := m.Item(sc.ID)
		return d.See(pack, q, m.View(), iv, shown)
	}
	if v := see(ada).Vote; v == nil || v.Shown || v.Category.Open {
		t.Fatalf("before the room shows it: %+v", v)
	}
	if err := r.Show(d.RoomStep(q)); err != nil {
		t.Fatal(err)
	}
	wrong := "mass"
	if sc.Answer == "mass" {
		wrong = "ngo"
	}
	_ = ada.Vote(sc.ID, sc.Answer)
	_ = bo.Vote(sc.ID, wrong)
	s := see(ada)
	c := s.Vote.Category
	if !s.Following || s.Counter != d.Counter(q) || !c.Open || c.Revealed || c.Options[c.Mine].ID != sc.Answer {
		t.Fatalf("an open vote: %+v", s)
	}
	for _, o := range c.Options {
		if o.Count != 0 || o.Right {
			t.Fatalf("an open vote shows %+v", o)
		}
	}
	if c.Said != "" || c.Essay != "" {
		t.Fatalf("an open vote says %q %q", c.Said, c.Essay)
	}
	r.Reveal(sc.ID)
	c = see(ada).Vote.Category
	if !c.Revealed || c.Open || c.Verdict != meeting.Agrees || !strings.HasPrefix(c.Essay, "The essay agrees: ") ||
		!strings.Contains(c.Said, "· the room: 1 ") {
		t.Errorf("Ada after the reveal: %+v", c)
	}
	c = see(bo).Vote.Category
	if c.Verdict != meeting.Differs || !strings.HasPrefix(c.Said, "You said ") || !strings.HasPrefix(c.Essay, "The essay's answer: ") {
		t.Errorf("Bo after the reveal: %+v", c)
	}
	right := 0
	for _, o := range c.Options {
		if o.Right {
			right++
			if o.ID != sc.Answer || o.Count != 1 {
				t.Errorf("the right option: %+v", o)
			}
		}
	}
	if right != 1 {
		t.Errorf("%d right options", right)
	}
	v := see(ada).Vote
	if (v.Sign != nil) != (sc.Answer == pack.Quiz.SignCategory().ID) {
		t.Errorf("sign question %v for an item answered %q", v.Sign != nil, sc.Answer)
	}
	if v.Sign != nil && (!v.Sign.Open || v.Explained) {
		t.Errorf("after the category's reveal the sign vote: %+v, explained %v", v.Sign, v.Explained)
	}
	for r.Reveal(sc.ID) {
	}
	if v := see(ada).Vote; !v.Explained {
		t.Error("after every reveal the explanation is not shown")
	}
	// Reading back on their own, the member's screen says where the room is.
	ada.Goto(d.RoomStep(d.Start(2)))
	if s := d.See(pack, d.Start(2), ada.View(), room.ItemView{}, false); s.Following || s.RoomCounter != d.Counter(q) || s.Vote != nil || s.Present != 2 {
		t.Errorf("on their own: %+v", s)
	}
}

// Every step says its text with the glossary's terms marked: each span is
// the term (one of its forms, as the glossary folds it), and a term is
// marked once a step; notes and scenarios are not marked.
func TestStepTextMarksTermsOnce(t *testing.T) {
	d, _ := deck(t)
	pack, _ := seeds.Pack()
	marked := 0
	for i := range d.Len() {
		txt := d.Text(pack, i)
		seen := map[*content.Term]bool{}
		if txt.Heading == "" && d.At(i).Kind != meeting.Passage {
			t.Errorf("step %d (kind %v) has no heading", i, d.At(i).Kind)
		}
		for _, b := range txt.Blocks {
			if strings.TrimSpace(b.Text) != b.Text || strings.Contains(b.Text, "  ") || strings.Contains(b.Text, "\n") {
				t.Fatalf("step %d: a block not on one line: %q", i, b.Text)
			}
			if len(b.Terms) > 0 && (b.Kind == meeting.Note || d.At(i).Kind == meeting.Quiz) {
				t.Errorf("step %d: terms marked in %q", i, b.Text)
			}
			runes := []rune(b.Text)
			for _, sp := range b.Terms {
				if seen[sp.Term] {
					t.Errorf("step %d: %q marked twice", i, sp.Term.Term)
				}
				seen[sp.Term] = true
				marked++
				got := string(content.FoldText(string(runes[sp.Start:sp.End])))
				ok := false
				for _, f := range sp.Term.Forms() {
					ok = ok || got == string(content.FoldText(f))
				}
				if !ok {
					t.Errorf("step %d: %q is marked as %q", i, string(runes[sp.Start:sp.End]), sp.Term.Term)
				}
			}
		}
	}
	if marked < 50 {
		t.Errorf("only %d terms marked in the whole deck", marked)
	}
	if got := d.Text(pack, d.Start(2)).Blocks[2].Text; got != d.Outline(2) || !strings.Contains(got, "4 scenarios for the room") {
		t.Errorf("chapter 2's title card outline: %q", got)
	}
}
