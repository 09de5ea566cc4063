package quiz

import (
	"sort"
	"time"

	"studyguide/content"
	"studyguide/progress"
)

// Card is one scenario's place in the review schedule. It is plain data kept
// by package progress, which saves it; this package decides how it moves.
type Card = progress.Card

// Boxes is the number of Leitner boxes. A card starts in box 1; each right
// answer moves it up one box, and each miss sends it back to box 1.
const Boxes = 5

// intervals is how long a card waits in each box, boxes 1 to 5, in days.
var intervals = [Boxes]int{0, 1, 3, 7, 21}

// Interval is how long a card in a box waits before it is due again: box 1
// is due at once, then 1, 3, 7 and 21 days.
func Interval(box int) time.Duration {
	box = min(max(box, 1), Boxes)
	return time.Duration(intervals[box-1]) * 24 * time.Hour
}

// Schedule moves a scenario's card after an answer given at now: a right
// answer to the next box, due after that box's interval; a miss to box 1,
// due at once. A right answer before the card is due (the whole quiz asks
// every item) is not spaced recall: the card keeps its box and due time.
// It returns the card as stored.
func Schedule(cards map[string]Card, id string, correct bool, now time.Time) Card {
	c := cards[id]
	early := c.Seen > 0 && now.Before(c.Due)
	c.Seen++
	c.Last = now
	c.LastMissed = !correct
	switch {
	case correct && early:
		c.Right++
		cards[id] = c
		return c
	case correct:
		c.Right++
		c.Box = min(max(c.Box, 1)+1, Boxes)
	default:
		c.Box = 1
	}
	c.Due = now.Add(Interval(c.Box))
	cards[id] = c
	return c
}

// Due is the IDs of the scenarios due for review at now: those answered
// before whose due time has come, lowest box first (missed items are in
// box 1), then the longest overdue, then in bank order. Cards for scenarios
// the bank no longer has are left out.
func Due(cards map[string]Card, bank *content.QuizBank, now time.Time) []string {
	var ids []string
	for _, sc := range bank.Scenarios {
		if c, ok := cards[sc.ID]; ok && c.Seen > 0 && !c.Due.After(now) {
			ids = append(ids, sc.ID)
		}
	}
	sort.SliceStable(ids, func(i, j int) bool {
		a, b := cards[ids[i]], cards[ids[j]]
		if a.Box != b.Box {
			return a.Box < b.Box
		}
		return a.Due.Before(b.Due)
	})
	return ids
}

// NextDue is when the next scenario comes due, for telling a reader with
// nothing to review when to come back; false when no card is scheduled.
func NextDue(cards map[string]Card, bank *content.QuizBank) (time.Time, bool) {
	var next time.Time
	found := false
	for _, sc := range bank.Scenarios {
		if c, ok := cards[sc.ID]; ok && c.Seen > 0 && (!found || c.Due.Before(next)) {
			next, found = c.Due, true
		}
	}
	return next, found
}

// NothingDue says, for a review with nothing due, when something will be:
// "Nothing is due for review yet. … The next item comes due tomorrow."
func NothingDue(cards map[string]Card, bank *content.QuizBank, now time.Time) string {
	text := "Nothing is due for review yet. Items you miss in a quiz come back here at once; " +
		"ones you get right return after 1, 3, 7 and then 21 days."
	next, ok := NextDue(cards, bank)
	if !ok {
		return text
	}
	y1, m1, d1 := now.Date()
	days := int(time.Date(next.Year(), next.Month(), next.Day(), 0, 0, 0, 0, now.Location()).
		Sub(time.Date(y1, m1, d1, 0, 0, 0, 0, now.Location())).Hours()+12) / 24
	switch {
	case days <= 0:
		return text + " The next item comes due later today."
	case days == 1:
		return text + " The next item comes due tomorrow."
	case days < 7:
		return text + " The next item comes due on " + next.Format("Monday") + "."
	}
	return text + " The next item comes due on " + next.Format("Monday 2 January") + "."
}

// ChapterScore is how the quiz stands for one chapter, from the review
// cards: how many of its scenarios have been answered, and how many of
// those were answered right the last time.
type ChapterScore struct {
	Chapter            int
	Items, Seen, Right int
}

// ChapterScores are the scores of every chapter that has scenarios, in
// chapter order, for showing beside the chapter list.
func ChapterScores(cards map[string]Card, bank *content.QuizBank) []ChapterScore {
	by := map[int]*ChapterScore{}
	var order []int
	for _, sc := range bank.Scenarios {
		cs := by[sc.Chapter]
		if cs == nil {
			cs = &ChapterScore{Chapter: sc.Chapter}
			by[sc.Chapter] = cs
			order = append(order, sc.Chapter)
		}
		cs.Items++
		if c, ok := cards[sc.ID]; ok && c.Seen > 0 {
			cs.Seen++
			if !c.LastMissed {
				cs.Right++
			}
		}
	}
	sort.Ints(order)
	out := make([]ChapterScore, len(order))
	for i, n := range order {
		out[i] = *by[n]
	}
	return out
}
