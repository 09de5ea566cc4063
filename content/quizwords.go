package content

// The words the quiz screens use around a bank's own labels, built from
// them so that a pack with other categories reads right.

// Question asks for a classification: "NGO-like or Mass-organization-like?"
func (b *QuizBank) Question() string {
	if len(b.Categories) < 2 {
		return "Which is it?"
	}
	return b.Categories[0].Label + " or " + b.Categories[1].Label + "?"
}

// SignsName is what the follow-up choices are called, plural.
func (b *QuizBank) SignsName() string {
	return "signs"
}

// SignQuestion is the follow-up question.
func (b *QuizBank) SignQuestion() string {
	return "Which of the " + b.SignsName() + " does it show?"
}
