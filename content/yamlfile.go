package content

import (
	"fmt"
	"io/fs"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
)

// yamlDoc is a parsed YAML file that remembers where everything is, so each
// problem can name its line.
type yamlDoc struct {
	file string
	root ast.Node
}

// loadYAML reads one YAML file of a pack and parses it. Every problem is
// reported: reading, forbidden characters, shape, syntax, what a pack's
// YAML may not use. A nil document means there is nothing safe to decode.
func loadYAML(fsys fs.FS, file string, limit int64) (*yamlDoc, Problems) {
	raw, probs := readFile(fsys, file, limit)
	if raw == nil {
		return nil, probs
	}
	doc, yprobs := parseYAML(file, raw, flaggedLines(probs))
	return doc, append(probs, yprobs...)
}

// flaggedLines are the lines that already have a problem.
func flaggedLines(probs Problems) map[int]bool {
	lines := map[int]bool{}
	for _, p := range probs {
		lines[p.Line] = true
	}
	return lines
}

// parseYAML parses a file after checking its shape (see yamlShape), then
// checks what it may not use (see yamlSafety); flagged are lines already
// reported for forbidden characters.
func parseYAML(file string, raw []byte, flagged map[int]bool) (doc *yamlDoc, probs Problems) {
	if probs := yamlShape(file, raw); len(probs) > 0 {
		return nil, probs
	}
	defer func() {
		if r := recover(); r != nil {
			doc, probs = nil, Problems{{File: file, Msg: fmt.Sprintf("cannot read this YAML: %v", r)}}
		}
	}()
	f, err := parser.ParseBytes(raw, 0)
	if err != nil {
		return nil, Problems{yamlProblem(file, err)}
	}
	if len(f.Docs) != 1 || f.Docs[0].Body == nil {
		return nil, Problems{{File: file, Line: 1, Msg: "expected one YAML document"}}
	}
	probs, ok := yamlSafety(file, f.Docs[0].Body, flagged)
	if !ok {
		return nil, probs
	}
	return &yamlDoc{file: file, root: f.Docs[0].Body}, probs
}

// pairs lists the key/value pairs of a mapping node (a one-key mapping is
// its own node type in go-yaml).
func pairs(n ast.Node) []*ast.MappingValueNode {
	switch n := n.(type) {
	case *ast.MappingNode:
		return n.Values
	case *ast.MappingValueNode:
		return []*ast.MappingValueNode{n}
	}
	return nil
}

// keyName is a mapping key as YAML reads it: chapters, "chapters" and
// 'chapters' are the same key.
func keyName(k ast.MapKeyNode) string {
	if s, ok := k.(*ast.StringNode); ok {
		return s.Value
	}
	return k.String()
}

func nodeLine(n ast.Node) int {
	if n == nil || n.GetToken() == nil || n.GetToken().Position == nil {
		return 0
	}
	return n.GetToken().Position.Line
}

// topLevel checks the file's top-level keys against the allowed ones and
// returns the value nodes by key.
func (d *yamlDoc) topLevel(allowed ...string) (map[string]ast.Node, Problems) {
	ps := pairs(d.root)
	if ps == nil {
		return nil, Problems{{File: d.file, Line: nodeLine(d.root), Msg: "expected a mapping of keys at the top level"}}
	}
	out := map[string]ast.Node{}
	var probs Problems
	for _, p := range ps {
		k := keyName(p.Key)
		if !contains(allowed, k) {
			probs = append(probs, Problem{File: d.file, Line: nodeLine(p.Key), Msg: fmt.Sprintf("unknown key %q (expected one of %v)", k, allowed)})
			continue
		}
		out[k] = p.Value
	}
	return out, probs
}

// entries returns the items of a sequence node.
func (d *yamlDoc) entries(n ast.Node, key string) ([]ast.Node, Problems) {
	seq, ok := n.(*ast.SequenceNode)
	if !ok {
		return nil, Problems{{File: d.file, Line: nodeLine(n), Msg: fmt.Sprintf("%q should be a list of entries", key)}}
	}
	return seq.Values, nil
}

// limit keeps the first max entries of a list, reporting any more.
func (d *yamlDoc) limit(nodes []ast.Node, max int, key string) ([]ast.Node, Problems) {
	if len(nodes) <= max {
		return nodes, nil
	}
	return nodes[:max], Problems{{File: d.file, Line: nodeLine(nodes[max]),
		Msg: fmt.Sprintf("%q has %d entries; a pack may have at most %d", key, len(nodes), max)}}
}

// decode decodes one node strictly: unknown keys are problems. go-yaml
// (v1.19) can panic on some malformed nodes; that is a problem in the file,
// reported at the node, not a crash.
func (d *yamlDoc) decode(n ast.Node, v any) (probs Problems) {
	defer func() {
		if r := recover(); r != nil {
			probs = Problems{{File: d.file, Line: nodeLine(n), Msg: fmt.Sprintf("cannot read this entry: %v", r)}}
		}
	}()
	if err := yaml.NodeToValue(n, v, yaml.DisallowUnknownField()); err != nil {
		p := yamlProblem(d.file, err)
		if p.Line == 0 {
			p.Line = nodeLine(n)
		}
		return Problems{p}
	}
	return nil
}

// fieldLine is the line of a key inside a mapping node, or the node's own
// line when the key is absent.
func fieldLine(n ast.Node, key string) int {
	for _, p := range pairs(n) {
		if keyName(p.Key) == key {
			return nodeLine(p.Key)
		}
	}
	return nodeLine(n)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
