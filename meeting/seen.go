package meeting

import (
	"fmt"
	"slices"
	"strings"

	"studyguide/content"
	"studyguide/room"
)

// Seen is what one member of a served room sees of a step: computed once
// from the room's view of that member, and drawn by the terminal's member
// screen and by the web page. Nothing in it is anyone else's vote.
type Seen struct {
	Index   int
	Step    Step
	Counter string // "ch 2 · 4/34"
	// Following says the member sees the room's step; otherwise they read
	// on their own and RoomCounter says where the room is.
	Following   bool
	RoomCounter string
	// Present is how many members are in the room.
	Present int
	// Timer is the facilitator's discussion timer.
	Timer room.Timer
	// DriverLeft says the facilitator driving the room has left: the room
	// waits for one.
	DriverLeft bool
	// Exit says whether the member's connection is still in the room.
	Exit room.Exit
	// Vote is the quiz item's votes, on a quiz step; nil on other steps.
	Vote *Vote
}

// Vote is a quiz step as one member sees it: the room may not have shown it
// yet; then the category question, and on items of the sign category the
// sign question, each open to the member's vote until the facilitator
// reveals it; then the explanation with its passage.
type Vote struct {
	Shown    bool // the room has reached this item: votes are taken
	Category Poll
	Sign     *Poll // nil when the item has no sign question
	// Explained says everything is revealed: the explanation and the
	// passage may be shown.
	Explained bool
}

// Poll is one question of a quiz item as a member sees it.
type Poll struct {
	Question string
	Options  []Option
	// Open says votes are taken now; Revealed that the tally is shown.
	Open, Revealed bool
	// Mine is the member's choice, -1 for none.
	Mine int
	// Once revealed: Said puts the member's vote beside the room's ("You
	// said NGO-like · the room: 8 NGO-like, 4 Mass-organization-like"),
	// Essay gives the essay's answer, and Verdict whether the member's
	// vote agrees with it.
	Said, Essay string
	Verdict     Verdict
}

// Option is one choice of a poll.
type Option struct {
	ID, Label string
	// Key is what a member types to choose it: "1"… "9", then "0".
	Key string
	// Count is the room's votes and hands for it, and Right whether it is
	// the essay's answer: both only once revealed.
	Count int
	Right bool
}

// Verdict is how a member's revealed vote stands beside the essay's answer.
type Verdict int

// The verdicts.
const (
	NoVote  Verdict = iota // the member did not vote
	Agrees                 // the essay agrees
	Differs                // the essay's answer is another
)

// OptionKey is what a member types for option i: "1"… "9", then "0".
func OptionKey(i int) string {
	if i == 9 {
		return "0"
	}
	return fmt.Sprint(i + 1)
}

// See is what a member whose room view is mv sees of deck step i (the
// member's own step, or the room's). item is the member's view of the
// step's quiz item, and shown whether the room has shown it
// (room.Member.Item); both are ignored on other steps.
func (d *Deck) See(pack *content.Pack, i int, mv room.MemberView, item room.ItemView, shown bool) Seen {
	s := Seen{Index: i, Step: d.steps[i], Counter: d.Counter(i), Following: mv.Following, Present: mv.Present, Timer: mv.Timer,
		DriverLeft: mv.DriverLeft, Exit: mv.Exit}
	if !mv.Following && mv.RoomStep.Index < len(d.steps) {
		s.RoomCounter = d.Counter(mv.RoomStep.Index)
	}
	if s.Step.Kind == Quiz && pack.Quiz != nil {
		s.Vote = seeVote(pack.Quiz, s.Step.Scenario, item, shown)
	}
	return s
}

func seeVote(bank *content.QuizBank, sc *content.Scenario, iv room.ItemView, shown bool) *Vote {
	v := &Vote{Shown: shown, Explained: shown && iv.Done()}
	var cats []Option
	for i, c := range bank.Categories {
		cats = append(cats, Option{ID: c.ID, Label: c.Label, Key: OptionKey(i)})
	}
	v.Category = seePoll(bank.Question(), cats, iv.Category, shown)
	if sc.Answer == bank.SignCategory().ID && len(bank.Signs) > 0 {
		var signs []Option
		for i, sg := range bank.Signs {
			signs = append(signs, Option{ID: sg.ID, Label: sg.Label, Key: OptionKey(i)})
		}
		p := seePoll(bank.SignQuestion(), signs, iv.Sign, shown)
		v.Sign = &p
	}
	return v
}

// seePoll is one question as the member sees it: their own vote, and the
// room's tally and the essay's answer once revealed.
func seePoll(question string, options []Option, p room.Poll, shown bool) Poll {
	out := Poll{Question: question, Options: options, Open: shown && p.Open, Revealed: shown && p.Revealed, Mine: -1}
	out.Mine = slices.IndexFunc(options, func(o Option) bool { return o.ID == p.Mine && p.Mine != "" })
	if !out.Revealed {
		return out
	}
	var roomSaid, answers []string
	for i, c := range p.Tally {
		if i < len(out.Options) {
			out.Options[i].Count, out.Options[i].Right = c.Total(), c.Right
		}
		if c.Total() > 0 {
			roomSaid = append(roomSaid, fmt.Sprintf("%d %s", c.Total(), c.Label))
		}
		if c.Right {
			answers = append(answers, c.Label)
		}
	}
	said := "nobody voted"
	if len(roomSaid) > 0 {
		said = strings.Join(roomSaid, ", ")
	}
	out.Essay = "The essay's answer: " + strings.Join(answers, "; ")
	switch {
	case out.Mine < 0:
		out.Said = "You did not vote · the room: " + said
	case p.MineRight:
		out.Said = "You said " + options[out.Mine].Label + " · the room: " + said
		out.Verdict, out.Essay = Agrees, "The essay agrees: "+options[out.Mine].Label
	default:
		out.Said = "You said " + options[out.Mine].Label + " · the room: " + said
		out.Verdict = Differs
	}
	return out
}
