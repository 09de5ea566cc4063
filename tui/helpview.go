package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/lipgloss/v2"
)

// helpBody lays out key help for a width: side by side in columns when
// they fit, otherwise one group under another.
func helpBody(c *common, groups [][]key.Binding, width int) string {
	h := c.help(width)
	if cols := h.FullHelpView(groups); lipgloss.Width(cols) <= width && !strings.Contains(cols, h.Ellipsis) {
		return cols
	}
	st := c.styles.Help
	var b strings.Builder
	for gi, g := range groups {
		kw := 0
		for _, k := range g {
			if k.Enabled() {
				kw = max(kw, lipgloss.Width(k.Help().Key))
			}
		}
		if gi > 0 {
			b.WriteString("\n")
		}
		for _, k := range g {
			if !k.Enabled() {
				continue
			}
			pad := strings.Repeat(" ", kw-lipgloss.Width(k.Help().Key)+1)
			b.WriteString(st.FullKey.Render(k.Help().Key) + pad + st.FullDesc.Render(k.Help().Desc) + "\n")
		}
	}
	return strings.TrimRight(b.String(), "\n")
}
