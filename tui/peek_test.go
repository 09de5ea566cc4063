package tui

import (
	"testing"

	tea "charm.land/bubbletea/v2"

	"studyguide/quiz"
)

// Looking somewhere is not reading there: a quiz passage, a glossary
// entry's chapter and search matches in other chapters leave the saved
// place and the sections read as they were, and back returns to where the
// reader was reading. Moving on one's own after a look is reading again.

// readAt opens chapter ch (1-based) and pages down twice: a place that is
// not the chapter's start, with its first section read.
func readAt(t *testing.T, ch int) (*harness, string) {
	t.Helper()
	hs := newHarness(t, 100, 30, Options{})
	hs.send(openMsg{chapter: ch - 1})
	hs.keys("space")
	pos := hs.m.c.progress.Position
	if pos.Chapter != ch || pos.Paragraph == "" {
		t.Fatalf("reading chapter %d recorded %+v", ch, pos)
	}
	return hs, pos.Paragraph
}

// otherChaptersRead is how many sections outside chapter ch are marked read.
func otherChaptersRead(hs *harness, ch int) int {
	n := 0
	for _, c := range hs.m.c.pack.Chapters {
		for _, s := range c.Sections {
			if c.Number != ch && hs.m.c.progress.IsRead(s.ID) {
				n++
			}
		}
	}
	return n
}

func TestSearchMatchesElsewhereAreALook(t *testing.T) {
	hs, para := readAt(t, 2)
	hs.keys("/").typeText("isomorphism")
	hs.keys("enter", "n", "n")
	if hs.m.reader.chapter != 5 {
		t.Fatalf("the matches are in chapter 6; the reader is in %d", hs.m.reader.chapter+1)
	}
	if pos := hs.m.c.progress.Position; pos.Chapter != 2 || pos.Paragraph != para {
		t.Fatalf("search moved the saved place to %+v", pos)
	}
	if n := otherChaptersRead(hs, 2); n != 0 {
		t.Fatalf("search marked %d sections of other chapters read", n)
	}
	hs.keys("esc", "esc") // clear the matches, then back
	if hs.m.screen != screenReader || hs.m.reader.chapter != 1 || hs.topParagraphID() != para {
		t.Fatalf("back after the search: screen %d chapter %d ¶ %s, want chapter 2 at %s",
			hs.m.screen, hs.m.reader.chapter+1, hs.topParagraphID(), para)
	}
}

func TestGlossaryJumpIsALookUntilTheReaderMoves(t *testing.T) {
	hs, para := readAt(t, 1)
	iso, _ := hs.m.c.pack.Glossary.Lookup("institutional isomorphism")
	hs.send(openTermMsg{term: iso})
	for range len(iso.Related) + 1 {
		hs.keys("tab")
	}
	hs.keys("enter")
	if hs.m.reader.chapter != 5 {
		t.Fatalf("the jump went to chapter %d", hs.m.reader.chapter+1)
	}
	if pos := hs.m.c.progress.Position; pos.Chapter != 1 || pos.Paragraph != para || otherChaptersRead(hs, 1) != 0 {
		t.Fatalf("the jump was recorded as reading: %+v", pos)
	}
	hs.keys("esc")
	if hs.m.screen != screenReader || hs.m.reader.chapter != 0 || hs.topParagraphID() != para {
		t.Fatalf("esc after the jump: chapter %d ¶ %s, want chapter 1 at %s", hs.m.reader.chapter+1, hs.topParagraphID(), para)
	}
	// the same jump, then reading on there: now it is the place
	hs.send(openTermMsg{term: iso})
	for range len(iso.Related) + 1 {
		hs.keys("tab")
	}
	hs.keys("enter", "j")
	if pos := hs.m.c.progress.Position; pos.Chapter != 6 {
		t.Fatalf("reading on after the jump did not move the place: %+v", pos)
	}
	hs.keys("esc")
	if hs.m.screen != screenHome {
		t.Fatal("once reading there, esc goes back to the chapters")
	}
}

func TestQuizPassageIsALook(t *testing.T) {
	hs, para := readAt(t, 3)
	hs.send(quizStartMsg{opts: quiz.Options{Mode: quiz.All, Seed: 11}})
	for range 20 { // an item whose passage is in another chapter
		sc := hs.m.quiz.s.Current()
		if sc.Paragraph != nil && sc.Paragraph.Chapter.Number != 3 {
			break
		}
		hs.keys("1")
		if hs.m.quiz.s.Step() == quiz.AwaitSign {
			hs.keys("1")
		}
		hs.keys("enter")
	}
	hs.keys("1")
	if hs.m.quiz.s.Step() == quiz.AwaitSign {
		hs.keys("1")
	}
	hs.keys("o")
	if hs.m.screen != screenReader || hs.m.reader.chapter == 2 {
		t.Fatalf("o did not open another chapter's passage (screen %d, chapter %d)", hs.m.screen, hs.m.reader.chapter+1)
	}
	hs.keys("j", "space") // scrolling around the passage is still a look
	hs.send(tea.MouseWheelMsg{Button: tea.MouseWheelDown})
	if pos := hs.m.c.progress.Position; pos.Chapter != 3 || pos.Paragraph != para || otherChaptersRead(hs, 3) != 0 {
		t.Fatalf("the quiz's passage moved the saved place: %+v", pos)
	}
	hs.keys("esc")
	if hs.m.screen != screenQuiz {
		t.Fatal("esc from the passage goes back to the quiz")
	}
}

func (hs *harness) topParagraphID() string {
	r := hs.m.reader
	if r.r == nil {
		return ""
	}
	return hs.m.c.pack.Chapters[r.chapter].Paragraphs()[r.topParagraph()].ID
}

// After a look elsewhere, esc returns to the very line the reader left,
// not the paragraph one line lower ("¶30 · top" came back as "¶30 ·
// 27%"): at a chapter's top, a few lines in, and a page in; after a
// search and after a glossary entry's chapter link.
func TestBackFromALookIsTheSameScreen(t *testing.T) {
	layoutOnly(t)
	iso := testPack(t).Glossary.Terms[0]
	for _, g := range testPack(t).Glossary.Terms {
		if g.Term == "institutional isomorphism" {
			iso = g
		}
	}
	for _, ch := range []int{2, 5} {
		for _, moves := range [][]string{nil, {"j", "j", "j"}, {"space"}} {
			for _, look := range []string{"search", "glossary"} {
				hs := newHarness(t, 100, 30, Options{})
				hs.send(openMsg{chapter: ch - 1})
				hs.keys(moves...)
				before := hs.screen()
				if look == "search" {
					hs.keys("/").typeText("isomorphism")
					hs.keys("enter", "esc")
				} else {
					hs.send(openTermMsg{term: iso})
					for range len(iso.Related) + 1 {
						hs.keys("tab")
					}
					hs.keys("enter")
				}
				if hs.m.reader.chapter == ch-1 {
					t.Fatalf("the %s did not look into another chapter", look)
				}
				hs.keys("esc")
				if after := hs.screen(); after != before {
					t.Fatalf("chapter %d after %v, back from a %s:\n%s\nwas:\n%s", ch, moves, look, after, before)
				}
			}
		}
	}
}
