package tui

import (
	"fmt"
	"strings"

	"studyguide/content"
)

// newChapterGuideOverlay shows a chapter's key ideas and its discussion
// questions, each with the passage it starts from.
func newChapterGuideOverlay(c *common, ch *content.Chapter) *messageOverlay {
	st := c.styles
	cg := c.pack.Guide.For(ch.Number)
	var b strings.Builder
	w := contentWidth(min(c.popupWidth(), c.width))
	hang := func(prefix, text string) { b.WriteString(hangText(prefix, flatten(text), w) + "\n") }
	if cg == nil {
		b.WriteString("This chapter has no discussion guide.")
	} else {
		b.WriteString(st.Heading.Render("Key ideas") + "\n")
		for _, s := range cg.Summary {
			hang("• ", s)
		}
		b.WriteString("\n" + st.Heading.Render("Discussion questions") + "\n")
		for i, q := range cg.Questions {
			hang(fmt.Sprintf("%d. ", i+1), q.Text)
			if q.Paragraph != nil {
				hang("   ", st.Dim.Render(fmt.Sprintf("¶%d: “%s”", q.Paragraph.Index+1, flatten(q.Quote))))
			}
			b.WriteString("\n")
		}
	}
	return newMessageOverlay(c, fmt.Sprintf("Chapter %d · guide", ch.Number), strings.TrimRight(b.String(), "\n"))
}

// newPlanOverlay shows the reading plan.
func newPlanOverlay(c *common) *messageOverlay {
	var b strings.Builder
	_ = content.WritePlan(&b, c.pack, contentWidth(min(c.popupWidth(), c.width)))
	return newMessageOverlay(c, "Reading plan", strings.TrimRight(b.String(), "\n"))
}
