package quiz

import (
	"sort"

	"studyguide/content"
	"studyguide/progress"
)

// Summary is how a session went, counting only the items finished so far
// (classified, and the follow-up answered where there was one), so a session
// stopped early is summed up as far as it got.
type Summary struct {
	Total    int // items in the session
	Answered int // items finished
	Correct  int // finished items answered right throughout
	Skipped  int // items passed by without an answer
	// PerCategory is, in the bank's order, how the items of each category
	// were classified.
	PerCategory []CategoryScore
	// PerSign is, in the bank's order, how often the follow-up was answered
	// right for items tagged with each sign. A right answer credits the sign
	// named (an item with several signs accepts any of them); a wrong or
	// missing one counts against every sign the item has.
	PerSign []SignScore
	// Missed are the items classified wrong or whose sign was not named, in
	// the order met.
	Missed []*content.Scenario
	// ChaptersToReread are the chapters of the missed items, the chapter
	// with most misses first (ties in chapter order).
	ChaptersToReread []int
}

// CategoryScore is how the items of one category went.
type CategoryScore struct {
	Category     content.Category
	Asked, Right int
}

// SignScore is how naming one sign went.
type SignScore struct {
	Sign         content.Sign
	Asked, Right int
}

// tallies are counts by ID.
type tallies map[string]*progress.Tally

func (ts tallies) get(id string) *progress.Tally {
	if ts[id] == nil {
		ts[id] = &progress.Tally{}
	}
	return ts[id]
}

// Summary sums up the session so far.
func (s *Session) Summary() Summary {
	sum := Summary{Total: len(s.items)}
	cats, signs := tallies{}, tallies{}
	misses := map[int]int{}
	for i, a := range s.answers {
		sc := s.items[i]
		if !a.done() {
			if i < s.i && a.category == "" {
				sum.Skipped++
			}
			continue
		}
		sum.Answered++
		t := cats.get(sc.Answer)
		t.Asked++
		if a.correct {
			t.Right++
		}
		if a.askSign {
			signs.follow(sc, a)
		}
		if a.right() {
			sum.Correct++
			continue
		}
		sum.Missed = append(sum.Missed, sc)
		misses[sc.Chapter]++
	}
	for _, c := range s.bank.Categories {
		t := cats.get(c.ID)
		sum.PerCategory = append(sum.PerCategory, CategoryScore{Category: c, Asked: t.Asked, Right: t.Right})
	}
	for _, sg := range s.bank.Signs {
		t := signs.get(sg.ID)
		sum.PerSign = append(sum.PerSign, SignScore{Sign: sg, Asked: t.Asked, Right: t.Right})
	}
	sum.ChaptersToReread = byCount(misses)
	return sum
}

// follow counts one follow-up: a right answer for the sign named, a wrong
// or missing one against every sign the item has.
func (ts tallies) follow(sc *content.Scenario, a answer) {
	if a.signOK {
		t := ts.get(a.sign)
		t.Asked++
		t.Right++
		return
	}
	for _, id := range sc.Signs {
		ts.get(id).Asked++
	}
}

// byCount is the keys of counts, highest count first, ties in key order.
func byCount(counts map[int]int) []int {
	var keys []int
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if counts[keys[i]] != counts[keys[j]] {
			return counts[keys[i]] > counts[keys[j]]
		}
		return keys[i] < keys[j]
	})
	return keys
}

// Record is what progress keeps of the session: pass it, with Cards, to
// progress.State.RecordQuiz. Its time is the session's start, so recording
// again as the session goes on replaces the earlier record.
func (s *Session) Record() progress.SessionRecord {
	sum := s.Summary()
	rec := progress.SessionRecord{At: s.start, Mode: s.mode.String(), Total: sum.Total,
		Answered: sum.Answered, Correct: sum.Correct}
	if s.mode == Chapter {
		rec.Chapter = s.chapter
	}
	for _, sc := range sum.Missed {
		rec.Missed = append(rec.Missed, sc.ID)
	}
	for _, ps := range sum.PerSign {
		if ps.Asked > 0 {
			if rec.Signs == nil {
				rec.Signs = map[string]progress.Tally{}
			}
			rec.Signs[ps.Sign.ID] = progress.Tally{Asked: ps.Asked, Right: ps.Right}
		}
	}
	return rec
}
