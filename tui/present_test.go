package tui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"studyguide/content"
	"studyguide/meeting"
	"studyguide/progress"
	"studyguide/room"
)

func presenter(t *testing.T, w, h, chapter int) *harness {
	t.Helper()
	hs := newHarness(t, w, h, Options{Present: true, Chapter: chapter, PresentItems: 4, PresentSeed: 1})
	if hs.m.screen != screenPresent {
		t.Fatal("not in the presenter")
	}
	return hs
}

// Every paragraph of every chapter is on exactly one passage step, in
// order; the ten warning signs are one per step; each chapter has its title
// card, its questions, at most 4 quiz items and the room's summary.
func TestDeckCoversTheEssay(t *testing.T) {
	pack := testPack(t)
	deck := meeting.NewDeck(pack, 4, 1).Steps()
	var seen []*content.Paragraph
	kinds := map[int]map[meeting.Kind]int{}
	for _, s := range deck {
		if kinds[s.Chapter.Number] == nil {
			kinds[s.Chapter.Number] = map[meeting.Kind]int{}
		}
		kinds[s.Chapter.Number][s.Kind]++
		if s.Kind != meeting.Passage {
			continue
		}
		items := 0
		for _, p := range s.Paras {
			if p.Kind == content.ListItem {
				items++
			}
		}
		if items > 1 {
			t.Errorf("a step shows %d list items; want one warning sign per step", items)
		}
		seen = append(seen, s.Paras...)
	}
	all := pack.Paragraphs()
	if len(seen) != len(all) {
		t.Fatalf("passage steps show %d paragraphs, the essay has %d", len(seen), len(all))
	}
	for i := range all {
		if seen[i] != all[i] {
			t.Fatalf("paragraph %d out of order: %s", i, seen[i].ID)
		}
	}
	for _, ch := range pack.Chapters {
		k := kinds[ch.Number]
		if k[meeting.Title] != 1 || k[meeting.Question] != len(pack.Guide.For(ch.Number).Questions) || k[meeting.Summary] != 1 ||
			k[meeting.Quiz] < 1 || k[meeting.Quiz] > 4 {
			t.Errorf("chapter %d steps: %v", ch.Number, k)
		}
	}
}

func TestPresenterSteps(t *testing.T) {
	hs := presenter(t, 80, 24, 2)
	ideas := len(hs.m.c.pack.Guide.For(2).Summary)
	hs.mustSee("Chapter 2 of 8", "Ten warning signs", fmt.Sprintf("%d key ideas", ideas), "ch 2 · 1/")
	hs.mustNotSee("j/k") // a title card fits one screen
	hs.keys("space")
	hs.mustSee(fmt.Sprintf("Key idea 1 of %d", ideas), "ch 2 · 2/")
	for range ideas {
		hs.keys("space")
	}
	hs.mustSee("From this basic tension sprout")
	hs.keys("space")
	hs.mustSee("1. ")
	hs.mustNotSee("From this basic tension")
	hs.keys("backspace", "left")
	hs.mustSee(fmt.Sprintf("Key idea %d of %d", ideas, ideas))
	hs.keys("[")
	hs.mustSee("Chapter 2 of 8")
	hs.keys("]")
	hs.mustSee("Chapter 3 of 8")
	hs.keys("[") // from a title card: the chapter before
	hs.mustSee("Chapter 2 of 8")
	hs.keys("space", "space", "[") // from inside a chapter: its start
	hs.mustSee("Chapter 2 of 8")
	hs.keys("c", "5")
	hs.mustSee("Chapter 5 of 8")
	// questions come after the passages
	for !strings.Contains(hs.screen(), "Discussion · question 1 of") {
		hs.keys("space")
		if hs.m.present.step().Chapter.Number != 5 {
			t.Fatal("no discussion question in chapter 5")
		}
	}
	hs.mustSee("From ¶", "t starts a 5-minute timer")
}

// seeClock fails unless the screen shows the time in big digits (five rows,
// or three where room is short).
func seeClock(t *testing.T, hs *harness, text string, small bool) {
	t.Helper()
	rows := bigText(text)
	if small {
		rows = halfHeight(rows)
	}
	screen := hs.screen()
	for _, r := range rows {
		if !strings.Contains(screen, r) {
			t.Fatalf("the clock does not show %s in big digits (small=%v):\n%s", text, small, screen)
		}
	}
}

func TestPresenterTimer(t *testing.T) {
	hs := presenter(t, 80, 24, 1)
	for !strings.Contains(hs.screen(), "Discussion · question 1") {
		hs.keys("space")
	}
	hs.mustNotSee("paused", "discussion\n")
	hs.keys("t")
	seeClock(t, hs, "5:00", false)
	hs.mustSee("discussion")
	hs.mustNotSee("j/k") // the question and the clock fit together at 80x24
	gen := hs.m.present.timer.gen
	for range 3 {
		hs.send(timerTickMsg{gen: gen})
	}
	seeClock(t, hs, "4:57", false)
	hs.keys("t") // pause: ticks of the old run no longer count
	hs.send(timerTickMsg{gen: gen})
	seeClock(t, hs, "4:57", false)
	hs.mustSee("paused")
	hs.keys("+")
	seeClock(t, hs, "5:57", false)
	hs.keys("-", "-")
	seeClock(t, hs, "3:57", false)
	hs.keys("t")
	gen = hs.m.present.timer.gen
	for range 3*60 + 57 {
		hs.send(timerTickMsg{gen: gen})
	}
	seeClock(t, hs, "0:00", false)
	hs.mustSee("time is up")
	if hs.m.present.timer.running {
		t.Fatal("the timer runs on past zero")
	}
	hs.keys("T")
	hs.mustNotSee("time is up", "paused")
	hs.keys("+", "+")
	seeClock(t, hs, "7:00", false)
	// a projector's big font: still big digits, three rows tall
	hs.send(tea.WindowSizeMsg{Width: 64, Height: 20})
	seeClock(t, hs, "7:00", true)
	// in the margin where there is room
	hs.send(tea.WindowSizeMsg{Width: 160, Height: 45})
	seeClock(t, hs, "7:00", false)
	if hs.m.present.tmode != timerMargin {
		t.Fatalf("at 160x45 the clock is drawn as %d, want in the margin", hs.m.present.tmode)
	}
	// one line where even small digits do not fit
	hs.send(tea.WindowSizeMsg{Width: 40, Height: 8})
	hs.mustSee("timer 7:00")
}

func TestPresenterRoomVote(t *testing.T) {
	hs := presenter(t, 100, 50, 3)
	var sc *content.Scenario
	for hs.m.present.step().Kind != meeting.Quiz || hs.m.present.step().Scenario.Answer != "ngo" {
		hs.keys("space")
		if hs.m.present.step().Chapter.Number != 3 {
			t.Fatal("no NGO-like quiz item in chapter 3")
		}
	}
	sc = hs.m.present.step().Scenario
	hs.mustSee("Quiz · scenario", "1 NGO-like", "count hands")
	hs.mustNotSee("✓", sc.Passage[:20])
	hs.keys("1", "1", "1", "2", "2", "u")
	v := hs.m.present.vote()
	if v.cats[0] != 3 || v.cats[1] != 1 {
		t.Fatalf("tally %v, want [3 1]", v.cats)
	}
	hs.mustSee("██ 3", "█ 1")
	hs.keys("r")
	hs.mustSee("✓ 1 NGO-like", "Which of the warning signs does it show?")
	hs.mustNotSee("“" + strings.Fields(sc.Passage)[0])
	right := 0
	for i, sg := range hs.m.c.pack.Quiz.Signs {
		if sg.ID == sc.Signs[0] {
			right = i
		}
	}
	hs.keys(optionKey(right), optionKey(right), "space") // space reveals first
	if v = hs.m.present.vote(); !v.signRevealed || v.signs[right] != 2 {
		t.Fatalf("sign tally %v revealed=%v", v.signs, v.signRevealed)
	}
	hs.mustSee("✓ " + optionKey(right) + " ")
	explanation := strings.Join(strings.Fields(sc.Explanation)[:5], " ")
	if s := strings.Join(strings.Fields(hs.screen()), " "); strings.Contains(s, explanation) {
		t.Fatalf("the explanation came with the sign's reveal, before its own step:\n%s", hs.screen())
	}
	hs.keys("space")
	if s := strings.Join(strings.Fields(hs.screen()), " "); !strings.Contains(s, explanation) {
		t.Fatalf("explanation not shown on its step:\n%s", hs.screen())
	}
	hs.mustSee(strings.Join(strings.Fields(sc.Text)[:4], " ")) // the scenario is still there
	// on to the room's summary
	for hs.m.present.step().Kind != meeting.Summary {
		hs.keys("space")
	}
	hs.mustSee(fmt.Sprintf("The room on chapter %d", 3), "✓ ", "3–1", "sign "+sc.Signs[0]+", 2 of 2 hands")
	hs.mustSee("majority was right on 1 of 1. On the sign: 1 of 1.")
}

func TestPresenterGlossaryPopupIsLarger(t *testing.T) {
	hs := presenter(t, 120, 40, 6)
	hs.keys("space")
	if len(hs.m.present.terms) == 0 {
		t.Fatal("no glossary terms marked on the first passage of chapter 6")
	}
	hs.keys("tab", "enter")
	want := hs.m.present.terms[0].term.Term
	if popupTitle(hs) != want {
		t.Fatalf("tab, enter opened %q, want %q", popupTitle(hs), want)
	}
	o := hs.m.overlays[0].(*termOverlay)
	if o.w <= popupWidth {
		t.Fatalf("presenter popup is %d wide, want wider than the reader's %d", o.w, popupWidth)
	}
	hs.keys("esc", "q")
	if !hs.quit {
		t.Fatal("q should end the presenter when nothing would be lost")
	}
}

// With a profile, the presenter keeps its step, the room's hands and how
// far each item was revealed, and the timer, and starts there again.
func TestPresenterResumesWithAProfile(t *testing.T) {
	st := progress.New()
	opts := Options{Present: true, PresentItems: 4, PresentSeed: 1, Progress: st, Store: &progress.Store{}, SaveDelay: time.Nanosecond}
	hs := newHarness(t, 80, 24, opts)
	hs.mustSee("Chapter 1 of 8")
	hs.keys("c", "4")
	for hs.m.present.step().Kind != meeting.Quiz {
		hs.keys("space")
	}
	id := hs.m.present.step().Scenario.ID
	hs.keys("1", "1", "2", "r", "t", "+")
	at := hs.m.present.at
	hs.keys("q")
	if _, ok := hs.m.top().(*confirmOverlay); !ok {
		t.Fatal("q with hands counted and a timer running should ask first")
	}
	hs.mustSee("End the presentation?", "kept for next time")
	hs.keys("esc")
	if hs.quit || hs.m.top() != nil {
		t.Fatal("esc at the question should keep the presentation going")
	}
	hs.keys("q", "y")
	if !hs.quit {
		t.Fatal("y should end it")
	}
	// the next meeting: exactly there, the room's hands and reveal kept
	again := newHarness(t, 80, 24, Options{Present: true, PresentItems: 4, PresentSeed: 1, Progress: st})
	if again.m.present.at != at || again.m.present.step().Scenario.ID != id {
		t.Fatalf("resumed at step %d, want %d (%s)", again.m.present.at, at, id)
	}
	v := again.m.present.vote()
	if v.cats[0] != 2 || v.cats[1] != 1 || !v.revealed {
		t.Fatalf("resumed vote %+v, want 2–1 revealed", v)
	}
	// the timer was started at 5:00 and given a minute more, with no tick
	// in between: 6:00 left of a 5-minute timer, kept and resumed exactly
	if tm := st.Present.Timer; tm.Left != 360 || tm.Set != 300 || !tm.Shown {
		t.Fatalf("saved timer %+v, want 360 s left of 300, shown", tm)
	}
	if tm := again.m.present.timer; tm.running || !tm.shown || tm.left != 6*time.Minute || tm.set != 5*time.Minute {
		t.Fatalf("resumed timer %+v, want shown, paused, 6:00 left of 5:00", tm)
	}
	again.keys("T") // reset: back to what it was set to
	if tm := again.m.present.timer; tm.left != 5*time.Minute {
		t.Fatalf("reset after resuming: %v left, want 5:00", tm.left)
	}
	// a chapter asked for: there, with the hands still kept
	ch2 := newHarness(t, 80, 24, Options{Present: true, Chapter: 2, PresentItems: 4, PresentSeed: 1, Progress: st})
	if _, kept := ch2.m.present.room.keep()[id]; ch2.m.present.step().Chapter.Number != 2 || !kept {
		t.Fatal("present 2 with a profile should open chapter 2 and keep the room's votes")
	}
}

// Without a profile nothing is written, and esc never ends a meeting.
func TestPresenterWithoutProfileWritesNothingAndEscIsHarmless(t *testing.T) {
	st := progress.New()
	hs := newHarness(t, 80, 24, Options{Present: true, PresentItems: 4, PresentSeed: 1, Progress: st})
	before := st.Changes()
	hs.keys("space", "space", "esc", "esc", "f5", "b", ".", "pgdown", "pgup", "pgdown")
	if hs.quit {
		t.Fatal("a clicker's keys ended the presentation")
	}
	if hs.m.present.at != 3 {
		t.Fatalf("pgdown/pgup/space should step: at %d, want 3", hs.m.present.at)
	}
	if st.Changes() != before || st.Present != nil {
		t.Fatal("the presenter wrote progress without --profile")
	}
}

// q asks before ending the presentation whenever something the room did
// would be lost: a hand counted (revealed or not, category or sign), or
// the timer running; with nothing at stake it ends at once.
func TestQuitAsksWhileHandsAreCounted(t *testing.T) {
	toQuiz := func() *harness {
		hs := presenter(t, 80, 24, 2)
		for hs.m.present.step().Kind != meeting.Quiz || !hs.m.present.asksSign(hs.m.present.step().Scenario) {
			hs.keys("space")
		}
		return hs
	}
	for name, keys := range map[string][]string{
		"a hand counted, not revealed":      {"1"},
		"hands counted, revealed":           {"1", "2", "r"},
		"a sign's hand counted, not shown":  {"r", "3"},
		"the timer running":                 {"t"},
		"a hand counted, then another step": {"2", "space", "space", "space", "space", "space"},
	} {
		hs := toQuiz()
		hs.keys(keys...)
		hs.keys("q")
		if hs.quit {
			t.Fatalf("%s: q ended the presentation without asking", name)
		}
		hs.mustSee("End the presentation?")
		hs.keys("n")
		if hs.quit || hs.m.top() != nil {
			t.Fatalf("%s: n should keep the presentation going", name)
		}
	}
	hs := toQuiz()
	hs.keys("1", "u", "q") // counted and taken back: nothing at stake
	if !hs.quit {
		t.Fatalf("q with nothing at stake should end at once:\n%s", hs.screen())
	}
}

// A served room's presentation is kept with a profile as a plain one is,
// and taken up again by the next meeting, served or not: revealed tallies
// (members' votes and hands together) and hands, never a vote the room did
// not reveal.
func TestServedRoomResumesWithAProfile(t *testing.T) {
	st := progress.New()
	pack := testPack(t)
	r, err := room.New(room.Config{Pack: pack})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(r.Close)
	deck := NewDeck(pack, 4, 1)
	opts := Options{Present: true, Chapter: 2, PresentItems: 4, PresentSeed: 1, Progress: st, Store: &progress.Store{},
		SaveDelay: time.Nanosecond, Room: &RoomOptions{Room: r, Deck: deck}}
	hs := newHarnessWith(t, pack, 100, 30, opts)
	for hs.m.present.step().Kind != meeting.Quiz {
		hs.keys("right")
	}
	first := hs.m.present.step().Scenario.ID
	ada, _ := r.Join("", "Ada")
	bo, _ := r.Join("", "Bo")
	_ = ada.Vote(first, "ngo")
	_ = bo.Vote(first, "ngo")
	hs.keys("2", "r") // a hand, then the reveal: 2 NGO-like (members), 1 Mass (the hand)
	hs.keys("right", "right", "right")
	for hs.m.present.step().Kind != meeting.Quiz || hs.m.present.step().Scenario.ID == first {
		hs.keys("right")
	}
	second := hs.m.present.step().Scenario.ID
	_ = ada.Vote(second, "mass") // never revealed
	hs.keys("1")
	// next meeting, a plain presentation under the same profile
	again := newHarness(t, 100, 30, Options{Present: true, PresentItems: 4, PresentSeed: 1, Progress: st})
	kept := again.m.present.room.keep()
	if got := kept[first]; got.Phase < room.Revealed || got.Categories[0] != 2 || got.Categories[1] != 1 {
		t.Errorf("the revealed item came back as %+v, want 2 NGO-like, 1 Mass-organization-like", got)
	}
	if got := kept[second]; got.Phase != room.Voting || got.Categories[0] != 1 || got.Categories[1] != 0 {
		t.Errorf("the unrevealed item came back as %+v, want its hand alone", got)
	}
}
