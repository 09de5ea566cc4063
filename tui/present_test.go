package tui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"studyguide/content"
	"studyguide/progress"
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
	deck := buildDeck(pack, 4, 1)
	var seen []*content.Paragraph
	kinds := map[int]map[stepKind]int{}
	for _, s := range deck {
		if kinds[s.chapter.Number] == nil {
			kinds[s.chapter.Number] = map[stepKind]int{}
		}
		kinds[s.chapter.Number][s.kind]++
		if s.kind != stepPassage {
			continue
		}
		items := 0
		for _, p := range s.paras {
			if p.Kind == content.ListItem {
				items++
			}
		}
		if items > 1 {
			t.Errorf("a step shows %d list items; want one warning sign per step", items)
		}
		seen = append(seen, s.paras...)
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
		if k[stepTitle] != 1 || k[stepQuestion] != len(pack.Guide.For(ch.Number).Questions) || k[stepRoom] != 1 ||
			k[stepQuiz] < 1 || k[stepQuiz] > 4 {
			t.Errorf("chapter %d steps: %v", ch.Number, k)
		}
	}
}

func TestPresenterSteps(t *testing.T) {
	hs := presenter(t, 80, 24, 2)
	hs.mustSee("Chapter 2 of 8", "Ten warning signs", "Key ideas", "ch 2 · 1/")
	hs.keys("space")
	hs.mustSee("From this basic tension sprout", "ch 2 · 2/")
	hs.keys("space")
	hs.mustSee("1. ")
	hs.mustNotSee("From this basic tension")
	hs.keys("backspace", "left")
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
		if hs.m.present.step().chapter.Number != 5 {
			t.Fatal("no discussion question in chapter 5")
		}
	}
	hs.mustSee("From ¶", "t starts a 5-minute timer")
}

func TestPresenterTimer(t *testing.T) {
	hs := presenter(t, 80, 24, 1)
	hs.mustNotSee("timer ")
	hs.keys("t")
	hs.mustSee("timer 5:00")
	gen := hs.m.present.timer.gen
	for range 3 {
		hs.send(timerTickMsg{gen: gen})
	}
	hs.mustSee("timer 4:57")
	hs.keys("t") // pause: ticks of the old run no longer count
	hs.send(timerTickMsg{gen: gen})
	hs.mustSee("timer 4:57")
	hs.keys("+")
	hs.mustSee("timer 5:57")
	hs.keys("-", "-")
	hs.mustSee("timer 3:57")
	hs.keys("t")
	gen = hs.m.present.timer.gen
	for range 3*60 + 57 {
		hs.send(timerTickMsg{gen: gen})
	}
	hs.mustSee("timer 0:00", "time is up")
	if hs.m.present.timer.running {
		t.Fatal("the timer runs on past zero")
	}
	hs.keys("T")
	hs.mustNotSee("timer ")
	hs.keys("+", "+")
	hs.mustSee("timer 7:00")
	// big digits where the margin has room
	hs.send(tea.WindowSizeMsg{Width: 160, Height: 45})
	hs.mustSee("███")
	hs.mustNotSee("timer ")
}

func TestPresenterRoomVote(t *testing.T) {
	hs := presenter(t, 100, 50, 3)
	var sc *content.Scenario
	for hs.m.present.step().kind != stepQuiz || hs.m.present.step().scenario.Answer != "ngo" {
		hs.keys("space")
		if hs.m.present.step().chapter.Number != 3 {
			t.Fatal("no NGO-like quiz item in chapter 3")
		}
	}
	sc = hs.m.present.step().scenario
	hs.mustSee("Quiz · scenario", "1 NGO-like", "count hands")
	hs.mustNotSee("✓", sc.Passage[:20])
	hs.keys("1", "1", "1", "2", "2", "u")
	v := hs.m.present.vote()
	if v.cats[0] != 3 || v.cats[1] != 1 {
		t.Fatalf("tally %v, want [3 1]", v.cats)
	}
	hs.mustSee("██ 3", "█ 1")
	hs.keys("r")
	hs.mustSee("✓ NGO-like", "Which of the warning signs does it show?")
	hs.mustNotSee("“" + strings.Fields(sc.Passage)[0])
	right := 0
	for i, sg := range hs.m.c.pack.Quiz.Signs {
		if sg.ID == sc.Signs[0] {
			right = i
		}
	}
	hs.keys(optionKey(right), optionKey(right), "space") // space reveals first
	if !v.signRevealed || v.signs[right] != 2 {
		t.Fatalf("sign tally %v revealed=%v", v.signs, v.signRevealed)
	}
	hs.mustSee("✓ " + optionKey(right) + " ")
	s := strings.Join(strings.Fields(hs.screen()), " ")
	if !strings.Contains(s, strings.Join(strings.Fields(sc.Explanation)[:5], " ")) {
		t.Fatalf("explanation not shown after the reveal:\n%s", hs.screen())
	}
	// on to the room's summary
	for hs.m.present.step().kind != stepRoom {
		hs.keys("space")
	}
	hs.mustSee(fmt.Sprintf("The room on chapter %d", 3), "✓ ", "3–1")
	hs.mustSee("majority was right on 1 of 1")
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
		t.Fatal("q should end the presenter")
	}
}

// With a profile, the presenter keeps its chapter and starts there again.
func TestPresenterResumesWithAProfile(t *testing.T) {
	st := progress.New()
	hs := newHarness(t, 80, 24, Options{Present: true, PresentItems: 4, PresentSeed: 1, Progress: st, Store: &progress.Store{}, SaveDelay: time.Nanosecond})
	hs.mustSee("Chapter 1 of 8")
	hs.keys("c", "4", "space")
	if st.Position.Chapter != 4 {
		t.Fatalf("position %+v, want chapter 4", st.Position)
	}
	hs = newHarness(t, 80, 24, Options{Present: true, PresentItems: 4, PresentSeed: 1, Progress: st})
	hs.mustSee("Chapter 4 of 8")
}
