package room

import (
	"errors"
	"fmt"
)

// ItemState is a quiz item's votes as a presentation keeps them between
// meetings (present --profile): how far it was revealed, and for each
// option of each question the count to show. A revealed question keeps its
// tally (members' votes and hands together); one not revealed keeps only
// the hands, counted in the open: members' votes never revealed are not
// kept anywhere.
type ItemState struct {
	Phase      Phase
	Categories []int
	Signs      []int
}

// Snapshot is the state of every item the room has shown, by scenario ID.
func (r *Room) Snapshot() map[string]ItemState {
	r.mu.RLock()
	defer r.mu.RUnlock()
	out := make(map[string]ItemState, len(r.items))
	for id, it := range r.items {
		st := ItemState{Phase: it.phase, Categories: it.cat.kept(it.phase >= Revealed)}
		if it.asksSign {
			st.Signs = it.sign.kept(it.phase == SignRevealed)
		}
		out[id] = st
	}
	return out
}

// kept is a ballot's counts as a snapshot keeps them: the tally when
// revealed, else the hands alone.
func (b *ballot) kept(revealed bool) []int {
	out := make([]int, len(b.hands))
	for i := range out {
		out[i] = b.hands[i]
		if revealed {
			out[i] += b.members[i]
		}
	}
	return out
}

// Restore takes up an item's state from an earlier meeting, before this
// room shows it: its counts come back as hands (anonymous, as they were
// counted), its phase as it was. An item the pack does not have, counts
// that do not fit its questions, or an item already shown here are
// refused.
func (r *Room) Restore(scenario string, st ItemState) error {
	if r.bank == nil {
		return errors.New("the pack has no quiz")
	}
	sc, ok := r.bank.Scenario(scenario)
	if !ok {
		return fmt.Errorf("the quiz has no scenario %q", scenario)
	}
	it := newItem(sc, r.bank)
	switch {
	case len(st.Categories) != len(it.cat.hands) || len(st.Signs) != 0 && len(st.Signs) != len(it.sign.hands):
		return fmt.Errorf("scenario %q: the counts do not fit its questions", scenario)
	case negative(st.Categories) || negative(st.Signs):
		return fmt.Errorf("scenario %q: a count below zero", scenario)
	case st.Phase < Voting || st.Phase > SignRevealed || st.Phase == SignRevealed && !it.asksSign:
		return fmt.Errorf("scenario %q: no such phase", scenario)
	}
	copy(it.cat.hands, st.Categories)
	copy(it.sign.hands, st.Signs)
	it.phase = st.Phase
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.items[scenario] != nil {
		return fmt.Errorf("scenario %q is shown already", scenario)
	}
	r.items[scenario] = it
	r.order = append(r.order, it)
	return nil
}

func negative(xs []int) bool {
	for _, x := range xs {
		if x < 0 {
			return true
		}
	}
	return false
}
