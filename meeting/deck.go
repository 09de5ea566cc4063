package meeting

import (
	"fmt"
	"sync"

	"studyguide/content"
	"studyguide/quiz"
	"studyguide/room"
)

// Kind is what one step shows.
type Kind int

// The kinds of step.
const (
	Title    Kind = iota // a chapter's title card: title, reading time, what is to come
	Idea                 // one of the chapter's key ideas
	Passage              // a paragraph or a short run of them
	Question             // one discussion question
	Quiz                 // one scenario, voted on by the room
	Summary              // the room's summary of the chapter's quiz
)

// Step is one screenful of a presentation.
type Step struct {
	Kind     Kind
	Chapter  *content.Chapter
	Paras    []*content.Paragraph // Passage
	Question *content.Question    // Question
	Number   int                  // the idea's, question's or scenario's number in its chapter, from 1
	Of       int                  // how many of them the chapter has here
	Scenario *content.Scenario    // Quiz
	Idea     string               // Idea
}

// Passage sizes, in words: a step shows a paragraph, or runs short ones
// together up to about a screenful on a projector.
const (
	passageShort = 60  // a paragraph shorter than this takes the next one along
	passageMax   = 150 // a run stops before passing this
)

// Deck is a presentation's steps, built once and shared read-only by every
// screen of a meeting, so a step's index means the same step everywhere.
type Deck struct {
	steps []Step
	// first and count are each chapter's first step and how many it has,
	// by chapter number, for the step counter.
	first, count map[int]int
	// texts are the steps' texts once worked out (see Text): the pack a
	// deck is built from never changes.
	textMu sync.Mutex
	texts  []*Text
}

// NewDeck lays out a presentation of every chapter: per chapter a title
// card, its key ideas one by one, the passages, the discussion questions,
// then up to perChapter quiz items (0: all) in the seed's order, and the
// room's summary.
func NewDeck(pack *content.Pack, perChapter int, seed int64) *Deck {
	d := &Deck{first: map[int]int{}, count: map[int]int{}}
	for _, ch := range pack.Chapters {
		d.first[ch.Number] = len(d.steps)
		d.steps = append(d.steps, Step{Kind: Title, Chapter: ch})
		g := pack.Guide.For(ch.Number)
		if g != nil {
			for i, idea := range g.Summary {
				d.steps = append(d.steps, Step{Kind: Idea, Chapter: ch, Idea: idea, Number: i + 1, Of: len(g.Summary)})
			}
		}
		d.steps = append(d.steps, passageSteps(ch)...)
		if g != nil {
			for i := range g.Questions {
				d.steps = append(d.steps, Step{Kind: Question, Chapter: ch, Question: &g.Questions[i], Number: i + 1, Of: len(g.Questions)})
			}
		}
		if pack.Quiz != nil {
			s, err := quiz.NewSession(pack.Quiz, quiz.Options{Mode: quiz.Chapter, Chapter: ch.Number, Seed: seed, Limit: perChapter})
			if err == nil {
				for i, sc := range s.Items() {
					d.steps = append(d.steps, Step{Kind: Quiz, Chapter: ch, Scenario: sc, Number: i + 1, Of: s.Len()})
				}
				d.steps = append(d.steps, Step{Kind: Summary, Chapter: ch})
			}
		}
		d.count[ch.Number] = len(d.steps) - d.first[ch.Number]
	}
	return d
}

// Len is how many steps the deck has.
func (d *Deck) Len() int { return len(d.steps) }

// At is step i.
func (d *Deck) At(i int) Step { return d.steps[i] }

// Steps are all the steps, in order; read-only.
func (d *Deck) Steps() []Step { return d.steps }

// Start is the index of chapter n's title card (the first chapter's when
// there is no chapter n).
func (d *Deck) Start(chapter int) int {
	if i, ok := d.first[chapter]; ok {
		return i
	}
	return 0
}

// RoomStep is step i as the room keeps it.
func (d *Deck) RoomStep(i int) room.Step {
	s := d.steps[i]
	rs := room.Step{Index: i, Chapter: s.Chapter.Number}
	if s.Scenario != nil {
		rs.Scenario = s.Scenario.ID
	}
	if s.Question != nil {
		rs.Question = s.Question.Text
	}
	return rs
}

// Counter is where step i is in its chapter, as every screen's status
// line says it: "ch 2 · 4/34".
func (d *Deck) Counter(i int) string {
	n := d.steps[i].Chapter.Number
	return fmt.Sprintf("ch %d · %d/%d", n, i-d.first[n]+1, d.count[n])
}

// passageSteps groups a chapter's paragraphs into steps: headings go with
// what follows them, a numbered list gives one item per step (with its
// sub-points), quotations stay with the paragraph they support, and short
// paragraphs run together.
func passageSteps(ch *content.Chapter) []Step {
	var out []Step
	var cur []*content.Paragraph
	words := 0
	flush := func() {
		if len(cur) > 0 {
			out = append(out, Step{Kind: Passage, Chapter: ch, Paras: cur})
		}
		cur, words = nil, 0
	}
	onlyHeadings := func() bool {
		for _, p := range cur {
			if p.Kind != content.Heading && p.Kind != content.Title {
				return false
			}
		}
		return true
	}
	for _, p := range ch.Paragraphs() {
		w := p.Words()
		switch p.Kind {
		case content.Title, content.Heading, content.ListItem:
			if !onlyHeadings() {
				flush()
			}
		case content.SubItem:
			// stays with its item
		case content.Quote:
			if words+w > passageMax*3/2 {
				flush()
			}
		default:
			last := content.Body
			if len(cur) > 0 {
				last = cur[len(cur)-1].Kind
			}
			if last == content.ListItem || last == content.SubItem ||
				(!onlyHeadings() && (words >= passageShort || words+w > passageMax)) {
				flush()
			}
		}
		cur = append(cur, p)
		words += w
	}
	flush()
	return out
}
