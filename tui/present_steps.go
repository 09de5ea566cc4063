package tui

import (
	"studyguide/content"
	"studyguide/meeting"
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

// stepKinds are meeting's kinds of step in the presenter's terms.
var stepKinds = map[meeting.Kind]stepKind{meeting.Title: stepTitle, meeting.Idea: stepIdea, meeting.Passage: stepPassage,
	meeting.Question: stepQuestion, meeting.Quiz: stepQuiz, meeting.Summary: stepRoom}

// stepsOf is a deck's steps in the presenter's terms.
func stepsOf(d *meeting.Deck) []step {
	out := make([]step, d.Len())
	for i, s := range d.Steps() {
		out[i] = step{kind: stepKinds[s.Kind], chapter: s.Chapter, paras: s.Paras, question: s.Question,
			number: s.Number, of: s.Of, scenario: s.Scenario, idea: s.Idea}
	}
	return out
}
