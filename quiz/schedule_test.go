package quiz

import (
	"slices"
	"strings"
	"testing"
	"time"
)

const day = 24 * time.Hour

func TestScheduleTransitions(t *testing.T) {
	cases := []struct {
		name    string
		before  Card
		correct bool
		box     int
		due     time.Duration // after now
	}{
		{"new, right", Card{}, true, 2, 1 * day},
		{"new, missed", Card{}, false, 1, 0},
		{"box 1, right", Card{Box: 1, Seen: 1}, true, 2, 1 * day},
		{"box 2, right", Card{Box: 2, Seen: 1}, true, 3, 3 * day},
		{"box 3, right", Card{Box: 3, Seen: 2}, true, 4, 7 * day},
		{"box 4, right", Card{Box: 4, Seen: 3}, true, 5, 21 * day},
		{"box 5 stays", Card{Box: 5, Seen: 4}, true, 5, 21 * day},
		{"box 5, missed", Card{Box: 5, Seen: 4, Right: 4}, false, 1, 0},
		{"box 3, missed", Card{Box: 3, Seen: 2, Right: 2}, false, 1, 0},
	}
	for _, c := range cases {
		cards := map[string]Card{"x": c.before}
		got := Schedule(cards, "x", c.correct, t0)
		if got != cards["x"] {
			t.Errorf("%s: returned %+v, stored %+v", c.name, got, cards["x"])
		}
		right := c.before.Right
		if c.correct {
			right++
		}
		if got.Box != c.box || !got.Due.Equal(t0.Add(c.due)) || got.Seen != c.before.Seen+1 || got.Right != right ||
			got.LastMissed == c.correct || !got.Last.Equal(t0) {
			t.Errorf("%s: %+v; want box %d due now+%v", c.name, got, c.box, c.due)
		}
	}
	if Interval(0) != 0 || Interval(9) != 21*day {
		t.Error("Interval should clamp to boxes 1–5")
	}
}

func TestDue(t *testing.T) {
	bank := testBank() // n1 n2 n3 m1 m2
	cards := map[string]Card{
		"n1":   {Box: 3, Seen: 2, Due: t0.Add(-time.Hour)},
		"n2":   {Box: 1, Seen: 1, Due: t0, LastMissed: true},
		"n3":   {Box: 1, Seen: 1, Due: t0.Add(-2 * time.Hour), LastMissed: true},
		"m1":   {Box: 2, Seen: 1, Due: t0.Add(time.Minute)}, // not yet
		"m2":   {},                                          // never answered
		"gone": {Box: 1, Seen: 1, Due: t0.Add(-day)},        // not in the bank
	}
	if got, want := Due(cards, bank, t0), []string{"n3", "n2", "n1"}; !slices.Equal(got, want) {
		t.Errorf("Due = %v; want %v (box 1 first, longest overdue first)", got, want)
	}
	if got := Due(cards, bank, t0.Add(time.Hour)); !slices.Equal(got, []string{"n3", "n2", "m1", "n1"}) {
		t.Errorf("an hour later Due = %v", got)
	}
	if got := Due(nil, bank, t0); len(got) != 0 {
		t.Errorf("nothing answered, nothing due: %v", got)
	}
	next, ok := NextDue(cards, bank)
	if !ok || !next.Equal(t0.Add(-2*time.Hour)) {
		t.Errorf("NextDue = %v, %v", next, ok)
	}
	if _, ok := NextDue(nil, bank); ok {
		t.Error("NextDue with no cards")
	}
}

// A missed item comes back in the next review; one answered right waits
// for its interval.
func TestReviewBringsMissesBackSooner(t *testing.T) {
	s, _ := NewSession(testBank(), Options{Seed: 1, Now: t0})
	s.items = testBank().Scenarios
	run(t, s, plan{"n1": {"ngo", "1"}, "n2": {"mass"}, "n3": {"ngo", "3"}, "m1": {"ngo"}, "m2": {"mass"}}, 0)
	cards := s.Cards()
	if got := Due(cards, testBank(), t0.Add(time.Minute)); !slices.Equal(got, []string{"n2", "m1"}) {
		t.Errorf("due right after: %v; want the two misses", got)
	}
	if got := Due(cards, testBank(), t0.Add(day)); len(got) != 5 {
		t.Errorf("due a day later: %v; want everything", got)
	}
	r, err := NewSession(testBank(), Options{Mode: Review, Cards: cards, Now: t0.Add(time.Hour), Seed: 4})
	if err != nil || r.Len() != 2 {
		t.Fatalf("review: %v %v", itemIDs(r), err)
	}
}

func TestChapterScores(t *testing.T) {
	cards := map[string]Card{
		"n1": {Box: 2, Seen: 1, Right: 1},
		"m1": {Box: 1, Seen: 1, LastMissed: true},
		"n2": {Box: 3, Seen: 3, Right: 2},
	}
	got := ChapterScores(cards, testBank())
	want := []ChapterScore{{1, 2, 2, 1}, {2, 2, 1, 1}, {3, 1, 0, 0}}
	if !slices.Equal(got, want) {
		t.Errorf("ChapterScores = %+v; want %+v", got, want)
	}
}

// Answering right before an item is due is not spaced recall: the card
// keeps its box and its due time (union-reps went from box 2 to 3 in two
// minutes). A miss is a miss whenever it comes: back to box 1.
func TestAnsweringEarlyKeepsTheBox(t *testing.T) {
	waiting := Card{Box: 2, Seen: 1, Right: 1, Due: t0.Add(day), Last: t0}
	cards := map[string]Card{"x": waiting}
	got := Schedule(cards, "x", true, t0.Add(2*time.Minute))
	if got.Box != 2 || !got.Due.Equal(waiting.Due) || got.Seen != 2 || got.Right != 2 {
		t.Errorf("a right answer two minutes after the last, a day early: %+v; want box 2, due as before", got)
	}
	cards["x"] = waiting
	if got := Schedule(cards, "x", false, t0.Add(2*time.Minute)); got.Box != 1 || !got.Due.Equal(t0.Add(2*time.Minute)) {
		t.Errorf("an early miss: %+v; want box 1, due at once", got)
	}
	cards["x"] = waiting
	if got := Schedule(cards, "x", true, t0.Add(day)); got.Box != 3 {
		t.Errorf("a right answer when due: box %d, want 3", got.Box)
	}
	// through a session: the whole quiz asks an item that is not yet due
	s, _ := NewSession(testBank(), Options{Mode: All, Seed: 1, Now: t0.Add(time.Hour),
		Cards: map[string]Card{"n1": waiting}})
	run(t, s, plan{"n1": {"ngo", "1"}}, 0)
	if c := s.Cards()["n1"]; c.Box != 2 || !c.Due.Equal(waiting.Due) {
		t.Errorf("a session's early right answer: %+v", c)
	}
}

// A quiz without a seed starts with the items due for review, missed ones
// first, then the rest in a random order; a seeded one keeps the seed's
// order whatever is due, so a room sees the same sequence.
func TestUnseededQuizStartsWithDueItems(t *testing.T) {
	cards := map[string]Card{
		"n3": {Box: 1, Seen: 1, Due: t0.Add(-time.Hour), LastMissed: true},
		"m2": {Box: 2, Seen: 1, Right: 1, Due: t0.Add(-day)},
		"m1": {Box: 3, Seen: 2, Right: 2, Due: t0.Add(day)}, // not yet due
	}
	for range 5 { // the rest is random: any order of it
		s, _ := NewSession(testBank(), Options{Mode: All, Cards: cards, Now: time.Now()})
		if ids := itemIDs(s); !slices.Equal(ids[:2], []string{"n3", "m2"}) || len(ids) != 5 {
			t.Fatalf("an unseeded quiz starts %v; want the due items n3 (missed), m2 first", ids)
		}
	}
	ch, _ := NewSession(testBank(), Options{Mode: Chapter, Chapter: 2, Cards: cards, Now: t0})
	if ids := itemIDs(ch); ids[0] != "n3" || len(ids) != 2 {
		t.Errorf("chapter 2 without a seed: %v; want the missed n3 first", ids)
	}
	seeded, _ := NewSession(testBank(), Options{Mode: All, Seed: 1, Cards: cards, Now: t0})
	if got, want := itemIDs(seeded), []string{"n1", "n3", "n2", "m2", "m1"}; !slices.Equal(got, want) {
		t.Errorf("seed 1 with items due: %v; want the seed's order %v", got, want)
	}
}

// With nothing due, a review says when the next item will be.
func TestNothingDueSaysWhen(t *testing.T) {
	bank := testBank()
	now := time.Date(2026, 12, 8, 20, 0, 0, 0, time.UTC)
	id := bank.Scenarios[0].ID
	for _, c := range []struct {
		due  time.Time
		want string
	}{
		{now.Add(time.Hour), "comes due later today."},
		{now.Add(6 * time.Hour), "comes due tomorrow."},
		{now.AddDate(0, 0, 3), "comes due on Friday."},
		{now.AddDate(0, 0, 21), "comes due on Tuesday 29 December."},
	} {
		got := NothingDue(map[string]Card{id: {Seen: 1, Due: c.due}}, bank, now)
		if !strings.HasPrefix(got, "Nothing is due for review yet.") || !strings.HasSuffix(got, c.want) {
			t.Errorf("due %v: %q, want …%q", c.due, got, c.want)
		}
	}
	if got := NothingDue(nil, bank, now); strings.Contains(got, "comes due") {
		t.Errorf("with no cards: %q", got)
	}
}
