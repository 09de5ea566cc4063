package tui

import (
	"fmt"

	"studyguide/content"
	"studyguide/meeting"
	"studyguide/room"
)

// The presenter's room and the roles it has in it are in roomside.go;
// what a served room adds to the screens in present_roomview.go.

// RoomOptions serve the presenter to a room.
type RoomOptions struct {
	Room *room.Room
	// Deck is the presentation every screen shares.
	Deck *Deck
	Info JoinInfo
	// Driver says the facilitator drives a headless room over SSH: leaving
	// gives up the driver's seat and the room goes on.
	Driver bool
}

// attachRoom puts the presenter in its room, on the room's deck: the
// served one's, shared by every screen, or, for a plain presentation, a
// room of its own with nobody in it, where its hands are counted (the
// room is the one place votes live). Nothing is shown to the room until
// showRoom.
func (m *presentModel) attachRoom(o *RoomOptions) {
	if o == nil || o.Room == nil {
		m.md = meeting.NewDeck(m.c.pack, m.perChapter, m.seed)
		m.deck = m.md.Steps()
		// room.New fails only without a pack (a presenter has one) or when
		// crypto/rand fails, which since Go 1.24 ends the program instead
		own, err := room.New(room.Config{Pack: m.c.pack})
		if err != nil {
			panic("tui: a presentation's own room: " + err.Error())
		}
		m.room = &ownRoom{r: own}
		return
	}
	d := o.Deck
	if d == nil {
		d = DeckOf(meeting.NewDeck(m.c.pack, m.perChapter, m.seed))
	}
	m.md, m.deck = d.meeting, d.meeting.Steps()
	m.room = &servedRoom{ownRoom: ownRoom{r: o.Room}, c: m.c, deck: d, info: o.Info, driver: o.Driver}
}

// showRoom starts the room on the presenter's step, or the presenter on
// the room's, when a served room has one already (a driver joining a
// meeting under way).
func (m *presentModel) showRoom() {
	if at, ok := m.room.at(); ok && at < len(m.deck) {
		m.at = at
	}
	m.room.moved(m.md, m.at)
	m.layout()
}

// voteOf is the room's vote on a scenario as the presenter shows it: the
// tallies (members and hands together) once revealed; before, the hands
// alone, counted in the open (a member's view has none). explained is the
// presenter's own last stage, after the room's reveals.
func voteOf(side roomSide, bank *content.QuizBank, sc *content.Scenario, explained bool) *roomVote {
	v := &roomVote{cats: make([]int, len(bank.Categories)), signs: make([]int, len(bank.Signs)), explained: explained}
	iv, ok := side.item(sc.ID)
	if !ok {
		return v
	}
	v.revealed, v.signRevealed = iv.Category.Revealed, iv.Sign.Revealed
	fill := func(dst []int, p room.Poll) {
		if p.Revealed {
			for i, c := range p.Tally {
				dst[i] = c.Total()
			}
			return
		}
		copy(dst, p.HandsBy)
	}
	fill(v.cats, iv.Category)
	fill(v.signs, iv.Sign)
	return v
}

// roomTally is the presenter's tally of a vote: bars once revealed; in a
// room before that only the options and how many have voted, never the
// split.
func (m presentModel) roomTally(labels []string, counts []int, right map[int]bool, w int, pending bool) []string {
	if !m.room.hidesSplit() || !pending {
		return m.tallyLines(labels, counts, right, w)
	}
	st := m.c.styles
	var out []string
	for i, l := range labels {
		out = append(out, st.Item.Render(truncate(fmt.Sprintf("  %s %s", optionKey(i), l), w)))
	}
	return append(out, "", m.roomVoted(w))
}

// roomVoted is how many have voted on the vote open now ("3 of 5 voted · 2
// hands"), never how.
func (m presentModel) roomVoted(w int) string {
	iv, _ := m.room.item(m.step().Scenario.ID)
	p := iv.Category
	if iv.Category.Revealed {
		p = iv.Sign
	}
	said := fmt.Sprintf("%d of %d voted", p.Voted, p.Of)
	if p.Hands > 0 {
		said += fmt.Sprintf(" · %d %s", p.Hands, plural(p.Hands, "hand", "hands"))
	}
	return m.c.styles.Heading.Render(truncate(said, w))
}
