package room_test

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"testing"

	"studyguide/room"
)

// seated opens a room on a step and seats members named by names.
func seated(t *testing.T, s room.Step, names ...string) (*room.Room, []*room.Member) {
	t.Helper()
	r, _ := newRoom(t, room.Config{})
	show(t, r, s)
	var ms []*room.Member
	for _, n := range names {
		ms = append(ms, join(t, r, "key-"+n, n))
	}
	return r, ms
}

func TestVotesAreCountedAndHiddenBeforeReveal(t *testing.T) {
	r, ms := seated(t, stepDues, "Ada", "Bo", "Cy", "Di")
	vote(t, ms[0], "dues", "ngo")
	vote(t, ms[1], "dues", "mass")
	vote(t, ms[2], "dues", "ngo")
	r.AddHand("dues", "mass")

	fv := r.FacilitatorView()
	c := fv.Item.Category
	if c.Voted != 3 || c.Of != 4 || c.Hands != 1 {
		t.Errorf("facilitator sees %d of %d voted, %d hands; want 3 of 4, 1", c.Voted, c.Of, c.Hands)
	}
	if c.Tally != nil || c.Mine != "" || c.Revealed || !c.Open || fv.Item.Phase != room.Voting {
		t.Errorf("facilitator's poll before reveal: %+v", c)
	}
	want := []string{"ngo", "mass", "ngo", ""}
	for i, m := range ms {
		mc := m.View().Item.Category
		if mc.Mine != want[i] {
			t.Errorf("member %d sees their vote as %q, want %q", i+1, mc.Mine, want[i])
		}
		if mc.Tally != nil || mc.Voted != 0 || mc.Of != 0 || mc.Hands != 0 || mc.MineRight {
			t.Errorf("member %d sees more than their own vote before reveal: %+v", i+1, mc)
		}
	}
}

// Before a reveal, what anyone sees does not depend on how the others
// voted: every split of the other members gives the same views. (Hands,
// counted in the open, the facilitator sees per option: the same in every
// split here.)
func TestNothingBeforeRevealLeaksTheSplit(t *testing.T) {
	type snapshot struct {
		fac room.FacilitatorView
		ada room.MemberView
	}
	// Each of Bo, Cy and Di votes one of two options; Ada votes ngo.
	look := func(t *testing.T, split int, sign bool) snapshot {
		r, ms := seated(t, stepDues, "Ada", "Bo", "Cy", "Di")
		options := [2]string{"ngo", "mass"}
		cast := func(m *room.Member, o string) error { return m.Vote("dues", o) }
		if sign {
			vote(t, ms[0], "dues", "ngo")
			r.Reveal("dues")
			options = [2]string{"1", "2"}
			cast = func(m *room.Member, o string) error { return m.VoteSign("dues", o) }
		}
		if err := cast(ms[0], options[0]); err != nil {
			t.Fatal(err)
		}
		for i, m := range ms[1:] {
			if err := cast(m, options[split>>i&1]); err != nil {
				t.Fatal(err)
			}
			if err := r.AddHand("dues", options[i%2]); err != nil {
				t.Fatal(err)
			}
		}
		return snapshot{fac: r.FacilitatorView(), ada: ms[0].View()}
	}
	for _, sign := range []bool{false, true} {
		t.Run(fmt.Sprintf("sign vote %v", sign), func(t *testing.T) {
			first := look(t, 0, sign)
			for split := 1; split < 8; split++ {
				if got := look(t, split, sign); !reflect.DeepEqual(got, first) {
					t.Errorf("split %03b shows\n%+v\nsplit 000 shows\n%+v", split, got, first)
				}
			}
		})
	}
}

func TestVoteChangesUntilLockedThenRefused(t *testing.T) {
	tests := []struct {
		name  string
		votes []string // cast in turn by one member
		lock  bool     // reveal after them
		after string   // a vote after the reveal, if any
		want  string   // the member's vote in the end
		err   error    // what the vote after the reveal gets
	}{
		{name: "one vote", votes: []string{"ngo"}, want: "ngo"},
		{name: "changed", votes: []string{"ngo", "mass"}, want: "mass"},
		{name: "changed back", votes: []string{"ngo", "mass", "ngo"}, want: "ngo"},
		{name: "locked", votes: []string{"mass"}, lock: true, after: "ngo", want: "mass", err: room.ErrLocked},
		{name: "a first vote after the lock", lock: true, after: "ngo", want: "", err: room.ErrLocked},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, ms := seated(t, stepDues, "Ada")
			for _, v := range tt.votes {
				vote(t, ms[0], "dues", v)
			}
			if tt.lock && !r.Reveal("dues") {
				t.Fatal("Reveal refused")
			}
			if tt.after != "" {
				if err := ms[0].Vote("dues", tt.after); !errors.Is(err, tt.err) {
					t.Errorf("vote after the lock: %v, want %v", err, tt.err)
				}
			}
			v := ms[0].View().Item.Category
			if v.Mine != tt.want {
				t.Errorf("vote %q, want %q", v.Mine, tt.want)
			}
			if n := r.FacilitatorView().Item.Category.Voted; n != len(tt.votes[:min(1, len(tt.votes))]) {
				t.Errorf("%d voted: one member is one vote", n)
			}
		})
	}
}

func TestRevealShowsEachMemberTheirVote(t *testing.T) {
	r, ms := seated(t, stepDues, "Ada", "Bo", "Cy", "Di")
	fac := r.Subscribe()
	vote(t, ms[0], "dues", "ngo")
	vote(t, ms[1], "dues", "mass")
	vote(t, ms[2], "dues", "ngo")
	r.AddHand("dues", "mass")
	r.AddHand("dues", "mass")
	for _, m := range ms {
		pending(m.Changes())
	}
	pending(fac.C())
	if !r.Reveal("dues") {
		t.Fatal("Reveal refused")
	}
	if !pending(fac.C()) {
		t.Error("the facilitator was not told of the reveal")
	}
	wantTally := map[string][2]int{"ngo": {2, 0}, "mass": {1, 2}}
	fv := r.FacilitatorView().Item
	if got := counts(fv.Category.Tally); !reflect.DeepEqual(got, wantTally) {
		t.Errorf("facilitator's tally %v, want %v", got, wantTally)
	}
	if fv.Phase != room.Revealed || fv.Category.Open || !fv.Category.Revealed || !fv.Sign.Open {
		t.Errorf("after the reveal: %+v", fv)
	}
	if fv.Category.Tally[0].ID != "ngo" || !fv.Category.Tally[0].Right || fv.Category.Tally[1].Right {
		t.Errorf("the answer is not marked: %+v", fv.Category.Tally)
	}
	if fv.Category.Tally[1].Total() != 3 {
		t.Errorf("mass-organization-like totals %d, want 3 (1 vote, 2 hands)", fv.Category.Tally[1].Total())
	}
	mine := []struct {
		vote  string
		right bool
	}{{"ngo", true}, {"mass", false}, {"ngo", true}, {"", false}}
	for i, m := range ms {
		if !pending(m.Changes()) {
			t.Errorf("member %d was not told of the reveal", i+1)
		}
		c := m.View().Item.Category
		if c.Mine != mine[i].vote || c.MineRight != mine[i].right {
			t.Errorf("member %d: said %q (right %v), want %q (%v)", i+1, c.Mine, c.MineRight, mine[i].vote, mine[i].right)
		}
		if got := counts(c.Tally); !reflect.DeepEqual(got, wantTally) {
			t.Errorf("member %d sees the tally %v, want %v", i+1, got, wantTally)
		}
	}
}

func TestSignVote(t *testing.T) {
	r, ms := seated(t, stepDues, "Ada", "Bo", "Cy", "Di")
	if err := ms[0].VoteSign("dues", "1"); !errors.Is(err, room.ErrNotOpen) {
		t.Errorf("a sign vote before the category is revealed: %v", err)
	}
	vote(t, ms[0], "dues", "ngo")
	r.Reveal("dues")
	// dues is keyed with signs 1 and 3: either counts as right.
	picks := []string{"1", "2", "3", ""}
	for i, p := range picks {
		if p != "" {
			if err := ms[i].VoteSign("dues", p); err != nil {
				t.Fatalf("member %d's sign %q: %v", i+1, p, err)
			}
		}
	}
	if err := ms[3].VoteSign("dues", "11"); !errors.Is(err, room.ErrOption) {
		t.Errorf("a sign the quiz does not have: %v", err)
	}
	if err := ms[3].Vote("dues", "mass"); !errors.Is(err, room.ErrLocked) {
		t.Errorf("a category vote during the sign vote: %v", err)
	}
	r.AddHand("dues", "2")
	fv := r.FacilitatorView().Item
	if fv.Sign.Voted != 3 || fv.Sign.Of != 4 || fv.Sign.Hands != 1 || fv.Sign.Tally != nil {
		t.Errorf("before the sign reveal the facilitator sees %+v", fv.Sign)
	}
	if fv.Category.Tally == nil || fv.Category.Voted != 1 {
		t.Errorf("the category stays revealed during the sign vote: %+v", fv.Category)
	}
	if !r.Reveal("dues") {
		t.Fatal("the sign reveal was refused")
	}
	if r.Reveal("dues") {
		t.Error("a third reveal on a sign item")
	}
	fv = r.FacilitatorView().Item
	if !fv.Done() || fv.Phase != room.SignRevealed || fv.Sign.Open {
		t.Errorf("after the sign reveal: %+v", fv)
	}
	wantTally := map[string][2]int{"1": {1, 0}, "2": {1, 1}, "3": {1, 0}}
	if got := counts(fv.Sign.Tally); !reflect.DeepEqual(got, wantTally) {
		t.Errorf("sign tally %v, want %v", got, wantTally)
	}
	right := map[string]bool{}
	for _, c := range fv.Sign.Tally {
		right[c.ID] = c.Right
	}
	if !right["1"] || right["2"] || !right["3"] {
		t.Errorf("keyed signs marked %v, want 1 and 3", right)
	}
	for i, want := range []bool{true, false, true, false} {
		s := ms[i].View().Item.Sign
		if s.Mine != picks[i] || s.MineRight != want {
			t.Errorf("member %d: sign %q right %v, want %q %v", i+1, s.Mine, s.MineRight, picks[i], want)
		}
	}
	if err := ms[1].VoteSign("dues", "1"); !errors.Is(err, room.ErrLocked) {
		t.Errorf("a sign vote after the sign reveal: %v", err)
	}
}

func TestItemsWithoutASignVote(t *testing.T) {
	r, ms := seated(t, stepAssem, "Ada")
	fv := r.FacilitatorView().Item
	if fv.Sign.Asked || fv.Done() {
		t.Fatalf("a mass-organization item: %+v", fv)
	}
	r.Reveal("assembly")
	if err := ms[0].VoteSign("assembly", "1"); !errors.Is(err, room.ErrNotOpen) {
		t.Errorf("a sign vote on an item without one: %v", err)
	}
	if err := r.AddHand("assembly", "1"); !errors.Is(err, room.ErrLocked) {
		t.Errorf("a hand after the only reveal: %v", err)
	}
	fv = r.FacilitatorView().Item
	if !fv.Done() || fv.Sign.Open || fv.Sign.Tally != nil {
		t.Errorf("after its reveal: %+v", fv)
	}
	if r.Reveal("assembly") {
		t.Error("a second reveal on an item without a sign vote")
	}
}

func TestHands(t *testing.T) {
	tests := []struct {
		name    string
		hands   []string // added in turn; "undo" takes one back
		want    map[string][2]int
		refused map[int]error // by index in hands
	}{
		{name: "counted", hands: []string{"ngo", "ngo", "mass"}, want: map[string][2]int{"ngo": {0, 2}, "mass": {0, 1}}},
		{name: "undone last first", hands: []string{"ngo", "mass", "undo"}, want: map[string][2]int{"ngo": {0, 1}, "mass": {0, 0}}},
		{name: "undo with nothing to undo", hands: []string{"undo", "mass"}, want: map[string][2]int{"ngo": {0, 0}, "mass": {0, 1}},
			refused: map[int]error{0: errNothing}},
		{name: "not a category", hands: []string{"maybe", "1"}, want: map[string][2]int{"ngo": {0, 0}, "mass": {0, 0}},
			refused: map[int]error{0: room.ErrOption, 1: room.ErrOption}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, _ := seated(t, stepDues)
			for i, h := range tt.hands {
				var err error
				if h == "undo" {
					if !r.UndoHand("dues") {
						err = errNothing
					}
				} else {
					err = r.AddHand("dues", h)
				}
				if !errors.Is(err, tt.refused[i]) {
					t.Errorf("hand %d (%s): %v, want %v", i+1, h, err, tt.refused[i])
				}
			}
			r.Reveal("dues")
			if got := counts(r.FacilitatorView().Item.Category.Tally); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("tally %v, want %v", got, tt.want)
			}
		})
	}
}

var errNothing = errors.New("nothing to undo")

func TestHandsOnTheSignVote(t *testing.T) {
	r, _ := seated(t, stepDues)
	r.AddHand("dues", "ngo")
	r.Reveal("dues")
	// The reveal locked the category's hands: undo has nothing left.
	if r.UndoHand("dues") {
		t.Error("undo reached a hand of the revealed category vote")
	}
	if err := r.AddHand("dues", "ngo"); !errors.Is(err, room.ErrOption) {
		t.Errorf("a category hand during the sign vote: %v", err)
	}
	r.AddHand("dues", "3")
	r.AddHand("dues", "2")
	if !r.UndoHand("dues") {
		t.Error("undo of a sign hand refused")
	}
	if h := r.FacilitatorView().Item.Sign.Hands; h != 1 {
		t.Errorf("%d sign hands, want 1", h)
	}
	r.Reveal("dues")
	fv := r.FacilitatorView().Item
	if got := counts(fv.Sign.Tally); got["3"] != [2]int{0, 1} || got["2"] != [2]int{0, 0} {
		t.Errorf("sign tally %v", got)
	}
	if got := counts(fv.Category.Tally); got["ngo"] != [2]int{0, 1} {
		t.Errorf("the category tally changed during the sign vote: %v", got)
	}
	if err := r.AddHand("dues", "3"); !errors.Is(err, room.ErrLocked) {
		t.Errorf("a hand after everything is revealed: %v", err)
	}
	if r.UndoHand("dues") {
		t.Error("undo after everything is revealed")
	}
}

func TestVotesOnItemsNotShown(t *testing.T) {
	r, ms := seated(t, stepDues, "Ada")
	if err := ms[0].Vote("grant", "ngo"); !errors.Is(err, room.ErrNotOpen) {
		t.Errorf("a vote on an item the room has not shown: %v", err)
	}
	if err := ms[0].Vote("dues", "perhaps"); !errors.Is(err, room.ErrOption) {
		t.Errorf("a vote for no category: %v", err)
	}
	if err := r.AddHand("grant", "ngo"); !errors.Is(err, room.ErrNotOpen) {
		t.Errorf("a hand on an item not shown: %v", err)
	}
	if r.Reveal("grant") || r.UndoHand("grant") {
		t.Error("reveal or undo on an item not shown")
	}
	// The room moves on: an item left open still takes votes.
	show(t, r, stepGrant)
	vote(t, ms[0], "dues", "mass")
	vote(t, ms[0], "grant", "ngo")
	// Going back to an item keeps its votes and phase.
	r.Reveal("grant")
	show(t, r, stepDues)
	show(t, r, stepGrant)
	if v := ms[0].View().Item; v.Phase != room.Revealed || v.Category.Mine != "ngo" {
		t.Errorf("back on an item: %+v", v)
	}
}

func TestLateJoinerVotes(t *testing.T) {
	r, ms := seated(t, stepDues, "Ada")
	vote(t, ms[0], "dues", "ngo")
	late := join(t, r, "", "Late")
	if v := late.View(); v.Item == nil || !v.Item.Category.Open {
		t.Fatalf("a late joiner sees %+v", v.Item)
	}
	vote(t, late, "dues", "mass")
	if c := r.FacilitatorView().Item.Category; c.Voted != 2 || c.Of != 2 {
		t.Errorf("%d of %d voted, want 2 of 2", c.Voted, c.Of)
	}
}

func TestReconnectKeepsTheVoteAndCannotVoteTwice(t *testing.T) {
	r, ms := seated(t, stepDues, "Ada", "Bo")
	vote(t, ms[0], "dues", "ngo")
	vote(t, ms[1], "dues", "mass")
	ms[0].Leave()
	// The count is of those in the room: Ada is away (her vote stays, for
	// the tally and for when she comes back).
	if c := r.FacilitatorView().Item.Category; c.Voted != 1 || c.Of != 1 {
		t.Errorf("with a voter away: %d of %d voted, want 1 of 1", c.Voted, c.Of)
	}
	back := join(t, r, "key-Ada", "")
	if got := back.View().Item.Category.Mine; got != "ngo" {
		t.Errorf("after reconnecting the vote is %q, want ngo", got)
	}
	vote(t, back, "dues", "mass") // a change, not a second vote
	if c := r.FacilitatorView().Item.Category; c.Voted != 2 || c.Of != 2 {
		t.Errorf("after voting again: %d of %d voted, want 2 of 2", c.Voted, c.Of)
	}
	// Twice more from two connections with the same key at once.
	other := join(t, r, "key-Ada", "")
	if err := back.Vote("dues", "ngo"); !errors.Is(err, room.ErrGone) {
		t.Errorf("the replaced connection voted: %v", err)
	}
	vote(t, other, "dues", "ngo")
	r.Reveal("dues")
	if got := counts(r.FacilitatorView().Item.Category.Tally); got["ngo"] != [2]int{1, 0} || got["mass"] != [2]int{1, 0} {
		t.Errorf("tally %v, want one vote each", got)
	}
}

func TestVotesOnAClosedRoom(t *testing.T) {
	r, ms := seated(t, stepDues, "Ada")
	vote(t, ms[0], "dues", "ngo")
	r.Close()
	if err := ms[0].Vote("dues", "mass"); !errors.Is(err, room.ErrClosed) {
		t.Errorf("a vote on a closed room: %v", err)
	}
	if err := ms[0].VoteSign("dues", "1"); !errors.Is(err, room.ErrClosed) {
		t.Errorf("a sign vote on a closed room: %v", err)
	}
	if err := r.AddHand("dues", "ngo"); !errors.Is(err, room.ErrClosed) {
		t.Errorf("a hand on a closed room: %v", err)
	}
	if r.Reveal("dues") {
		t.Error("a reveal on a closed room")
	}
	if err := r.Show(stepAssem); !errors.Is(err, room.ErrClosed) {
		t.Errorf("Show on a closed room: %v", err)
	}
	fv := r.FacilitatorView()
	if !fv.Closed || fv.Present != 0 || fv.Item.Category.Open {
		t.Errorf("a closed room's view: %+v", fv)
	}
	if v := ms[0].View(); v.Exit != room.Closed || v.Item.Category.Mine != "ngo" {
		t.Errorf("a member's view after closing: %+v", v)
	}
}

// A quiz whose sign category has no signs to choose from asks no sign.
func TestNoSignsNoSignVote(t *testing.T) {
	p := testPack()
	p.Quiz.Signs = nil
	r, _ := newRoom(t, room.Config{Pack: p})
	show(t, r, stepDues)
	r.Reveal("dues")
	if v := r.FacilitatorView().Item; v.Sign.Asked || !v.Done() || r.Reveal("dues") {
		t.Errorf("a sign vote without signs: %+v", v)
	}
}

// The facilitator can look back at any item the room has shown, under the
// same rules: counts only until it is revealed.
func TestItemLooksBack(t *testing.T) {
	r, ms := seated(t, stepDues, "Ada", "Bo")
	vote(t, ms[0], "dues", "ngo")
	show(t, r, stepAssem)
	vote(t, ms[1], "dues", "mass")
	v, ok := r.Item("dues")
	if !ok || v.Category.Voted != 2 || v.Category.Tally != nil {
		t.Errorf("an open item looked back at: %v %+v", ok, v)
	}
	r.Reveal("dues")
	if v, _ := r.Item("dues"); !reflect.DeepEqual(counts(v.Category.Tally), map[string][2]int{"ngo": {1, 0}, "mass": {1, 0}}) {
		t.Errorf("a revealed item looked back at: %+v", v.Category)
	}
	if _, ok := r.Item("grant"); ok {
		t.Error("an item the room has not shown")
	}
}

// A member looks back at an item the room has shown: their own vote, and
// the split only once it is revealed.
func TestMemberItemLooksBack(t *testing.T) {
	r, ms := seated(t, stepDues, "Ada", "Bo")
	vote(t, ms[0], "dues", "ngo")
	vote(t, ms[1], "dues", "mass")
	show(t, r, stepAssem)
	v, ok := ms[0].Item("dues")
	if !ok || v.Category.Mine != "ngo" || v.Category.Tally != nil || v.Category.Voted != 0 {
		t.Errorf("an open item looked back at by a member: %v %+v", ok, v.Category)
	}
	r.Reveal("dues")
	v, _ = ms[1].Item("dues")
	if v.Category.Mine != "mass" || v.Category.MineRight || !reflect.DeepEqual(counts(v.Category.Tally), map[string][2]int{"ngo": {1, 0}, "mass": {1, 0}}) {
		t.Errorf("a revealed item looked back at by a member: %+v", v.Category)
	}
	if _, ok := ms[0].Item("grant"); ok {
		t.Error("an item the room has not shown")
	}
}

// A presentation keeps its items between meetings: revealed questions'
// tallies and hands, never a vote not revealed; restored, they are hands.
func TestSnapshotAndRestore(t *testing.T) {
	r, ms := seated(t, stepDues, "Ada", "Bo", "Cy")
	vote(t, ms[0], "dues", "ngo")
	vote(t, ms[1], "dues", "mass")
	r.AddHand("dues", "ngo")
	r.Reveal("dues")
	_ = ms[2].VoteSign("dues", "2")
	r.AddHand("dues", "1")
	show(t, r, stepAssem)
	vote(t, ms[0], "assembly", "ngo") // never revealed
	r.AddHand("assembly", "mass")
	snap := r.Snapshot()
	if got := snap["dues"]; got.Phase != room.Revealed || !slices.Equal(got.Categories, []int{2, 1}) ||
		!slices.Equal(got.Signs, []int{1, 0, 0}) {
		t.Errorf("dues: %+v (the sign vote, not revealed, keeps only its hand)", got)
	}
	if got := snap["assembly"]; got.Phase != room.Voting || !slices.Equal(got.Categories, []int{0, 1}) || got.Signs != nil {
		t.Errorf("assembly: %+v (a vote not revealed is not kept)", got)
	}
	next, _ := newRoom(t, room.Config{})
	for id, st := range snap {
		if err := next.Restore(id, st); err != nil {
			t.Fatalf("Restore(%q): %v", id, err)
		}
	}
	iv, ok := next.Item("dues")
	if !ok || !iv.Category.Revealed || !iv.Sign.Open || counts(iv.Category.Tally)["ngo"] != [2]int{0, 2} {
		t.Errorf("restored dues: %+v", iv)
	}
	show(t, next, stepAssem) // showing a restored item keeps it
	if iv, _ := next.Item("assembly"); iv.Category.Hands != 1 || !iv.Category.Open {
		t.Errorf("restored assembly: %+v", iv.Category)
	}
	fresh, _ := newRoom(t, room.Config{})
	for _, bad := range []room.ItemState{{Categories: []int{1}}, {Categories: []int{-1, 0}}, {Phase: room.SignRevealed, Categories: []int{0, 0}}} {
		if err := fresh.Restore("assembly", bad); err == nil {
			t.Errorf("Restore took %+v", bad)
		}
	}
	if err := next.Restore("dues", snap["dues"]); err == nil {
		t.Error("Restore took an item the room has shown")
	}
	if err := next.Restore("nope", room.ItemState{Categories: []int{0, 0}}); err == nil {
		t.Error("Restore took an unknown scenario")
	}
}
