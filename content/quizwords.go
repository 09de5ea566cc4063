package content

import (
	"fmt"
	"strings"

	"github.com/goccy/go-yaml/ast"
)

// The words the quiz screens use around a bank's own labels, built from
// them so that a pack with other categories reads right.

// Question asks for a classification: "NGO-like or Mass-organization-like?"
func (b *QuizBank) Question() string {
	if len(b.Categories) < 2 {
		return "Which is it?"
	}
	return b.Categories[0].Label + " or " + b.Categories[1].Label + "?"
}

// SignsName is what the follow-up choices are called, plural: the quiz
// file's signs_title ("warning signs"), or "signs" when it gives none.
func (b *QuizBank) SignsName() string {
	if b.SignsTitle != "" {
		return b.SignsTitle
	}
	return "signs"
}

// SignQuestion is the follow-up question.
func (b *QuizBank) SignQuestion() string {
	return "Which of the " + b.SignsName() + " does it show?"
}

// MaxSignsTitle is the longest a quiz's signs_title may be, in characters.
const MaxSignsTitle = 40

// readSignsTitle reads the optional name of the signs.
func (b *QuizBank) readSignsTitle(doc *yamlDoc, top map[string]ast.Node) Problems {
	n, ok := top["signs_title"]
	if !ok {
		return nil
	}
	if probs := doc.decode(n, &b.SignsTitle); probs != nil {
		return probs
	}
	t := strings.TrimSpace(b.SignsTitle)
	if t == "" || strings.Contains(t, "\n") || len([]rune(t)) > MaxSignsTitle {
		b.SignsTitle = ""
		return Problems{{File: doc.file, Line: fieldLine(doc.root, "signs_title"),
			Msg: fmt.Sprintf("signs_title should be a short plural name such as \"warning signs\", one line of at most %d characters", MaxSignsTitle)}}
	}
	b.SignsTitle = t
	return nil
}
