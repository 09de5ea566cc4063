package quiz

import (
	"fmt"
	"slices"
	"testing"
)

// A review of cards all in one box, all due at once, is in the seed's
// order: the order an all-items session with that seed has.
func TestReviewKeepsTheSeedsOrderWithinABox(t *testing.T) {
	bank := testBank()
	for seed := int64(1); seed <= 20; seed++ {
		all, err := NewSession(bank, Options{Seed: seed, Now: t0})
		if err != nil {
			t.Fatal(err)
		}
		order := itemIDs(all)
		cards := map[string]Card{}
		for _, sc := range bank.Scenarios {
			cards[sc.ID] = Card{Box: 1, Seen: 1, Due: t0.Add(-1), Last: t0.Add(-2)}
		}
		review, err := NewSession(bank, Options{Mode: Review, Seed: seed, Cards: cards, Now: t0})
		if err != nil {
			t.Fatal(err)
		}
		if got := itemIDs(review); !slices.Equal(got, order) {
			t.Fatalf("seed %d: review of one box %v; want the seed's order %v", seed, got, order)
		}
	}
}

// A card never answered (seen 0, as a hand-edited file may have it) is not
// counted as answered in the chapter scores, nor due.
func TestUnansweredCardsDoNotCount(t *testing.T) {
	bank := testBank()
	cards := map[string]Card{"n1": {Box: 1, Seen: 0, Due: t0.Add(-1)}}
	for _, cs := range ChapterScores(cards, bank) {
		if cs.Seen != 0 || cs.Right != 0 {
			t.Fatalf("chapter %d counts a card never answered: %+v", cs.Chapter, cs)
		}
	}
	if due := Due(cards, bank, t0); len(due) != 0 {
		t.Fatalf("a card never answered is due: %v", due)
	}
	if _, ok := NextDue(cards, bank); ok {
		t.Fatal("a card never answered has a next due time")
	}
}

// An item is skipped only once the reader has moved past it unanswered:
// the item on screen is not yet skipped.
func TestSkippedOnlyOnceMovedPast(t *testing.T) {
	s, err := NewSession(testBank(), Options{Seed: 3, Now: t0})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Answer(s.Current().Answer); err != nil {
		t.Fatal(err)
	}
	s.Next() // past a sign question, if any, unanswered: that item was answered
	if got := s.Summary().Skipped; got != 0 {
		t.Fatalf("with the second item on screen, %d skipped; want 0", got)
	}
	s.Next()
	if got := s.Summary().Skipped; got != 1 {
		t.Fatalf("after moving past the second item unanswered, %d skipped; want 1", got)
	}
}

// Without a limit a session has every item of its mode.
func TestNoLimitAsksEverything(t *testing.T) {
	bank := testBank()
	s, err := NewSession(bank, Options{Seed: 1, Now: t0})
	if err != nil || s.Len() != len(bank.Scenarios) {
		t.Fatalf("a session without a limit has %d of %d items (%v)", s.Len(), len(bank.Scenarios), err)
	}
	s, err = NewSession(bank, Options{Seed: 1, Now: t0, Limit: len(bank.Scenarios)})
	if err != nil || s.Len() != len(bank.Scenarios) {
		t.Fatalf("a limit of exactly the bank's size has %d items (%v)", s.Len(), err)
	}
}

// A mode just past the known ones, or before them, is named as a number.
func TestUnknownModesAreNumbered(t *testing.T) {
	for _, m := range []Mode{Review + 1, -1} {
		if got, want := m.String(), fmt.Sprintf("Mode(%d)", int(m)); got != want {
			t.Errorf("%s; want %s", got, want)
		}
	}
}
