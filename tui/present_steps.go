package tui

import (
	"studyguide/content"
	"studyguide/quiz"
)

// stepKind is what one presenter step shows.
type stepKind int

const (
	stepTitle    stepKind = iota // a chapter's title card: title, reading time, what is to come
	stepIdea                     // one of the chapter's key ideas
	stepPassage                  // a paragraph or a short run of them
	stepQuestion                 // one discussion question
	stepQuiz                     // one scenario, voted on by the room
	stepRoom                     // the room's summary of the chapter's quiz
)

// step is one screenful of a presentation.
type step struct {
	kind     stepKind
	chapter  *content.Chapter
	paras    []*content.Paragraph // stepPassage
	question *content.Question    // stepQuestion
	number   int                  // the question's or scenario's number in its chapter, from 1
	of       int                  // how many questions or scenarios the chapter has here
	scenario *content.Scenario    // stepQuiz
	idea     string               // stepIdea
}

// Passage sizes, in words: a step shows a paragraph, or runs short ones
// together up to about a screenful on a projector.
const (
	passageShort = 60  // a paragraph shorter than this takes the next one along
	passageMax   = 150 // a run stops before passing this
)

// buildDeck lays out a presentation of every chapter: per chapter a title
// card, its key ideas one by one, the passages, the discussion questions, then up to perChapter quiz
// items (0: all) in the seed's order, and the room's summary.
func buildDeck(pack *content.Pack, perChapter int, seed int64) []step {
	var deck []step
	for _, ch := range pack.Chapters {
		deck = append(deck, step{kind: stepTitle, chapter: ch})
		g := pack.Guide.For(ch.Number)
		if g != nil {
			for i, idea := range g.Summary {
				deck = append(deck, step{kind: stepIdea, chapter: ch, idea: idea, number: i + 1, of: len(g.Summary)})
			}
		}
		deck = append(deck, passageSteps(ch)...)
		if g != nil {
			for i := range g.Questions {
				deck = append(deck, step{kind: stepQuestion, chapter: ch, question: &g.Questions[i], number: i + 1, of: len(g.Questions)})
			}
		}
		if pack.Quiz != nil {
			s, err := quiz.NewSession(pack.Quiz, quiz.Options{Mode: quiz.Chapter, Chapter: ch.Number, Seed: seed, Limit: perChapter})
			if err == nil {
				for i, sc := range s.Items() {
					deck = append(deck, step{kind: stepQuiz, chapter: ch, scenario: sc, number: i + 1, of: s.Len()})
				}
				deck = append(deck, step{kind: stepRoom, chapter: ch})
			}
		}
	}
	return deck
}

// passageSteps groups a chapter's paragraphs into steps: headings go with
// what follows them, a numbered list gives one item per step (with its
// sub-points), quotations stay with the paragraph they support, and short
// paragraphs run together.
func passageSteps(ch *content.Chapter) []step {
	var out []step
	var cur []*content.Paragraph
	words := 0
	flush := func() {
		if len(cur) > 0 {
			out = append(out, step{kind: stepPassage, chapter: ch, paras: cur})
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
		case content.Title, content.Heading:
			if !onlyHeadings() {
				flush()
			}
		case content.ListItem:
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
