#!/usr/bin/env python3
"""Rewrites every `<!-- snippet: NAME -->` block of README.md from tests/Chanjing.Sdk.Tests/Readme/ReadmeSnippets.cs.

The snippets are compiled by the test project and ReadmeTests fails when README.md drifts; run this after
editing a snippet, then review the diff.
"""
import pathlib
import re
import textwrap

root = pathlib.Path(__file__).resolve().parent.parent
source = (root / "tests/Chanjing.Sdk.Tests/Readme/ReadmeSnippets.cs").read_text(encoding="utf-8")
snippets = {
    m.group("name"): textwrap.dedent(m.group("body")).strip("\n")
    for m in re.finditer(r"// begin-snippet: (?P<name>[\w-]+)\n(?P<body>.*?)\n\s*// end-snippet", source, re.S)
}
readme_path = root / "README.md"
readme = readme_path.read_text(encoding="utf-8")


def fill(match):
    name = match.group("name")
    if name not in snippets:
        raise SystemExit(f"README.md names snippet '{name}', which ReadmeSnippets.cs does not have")
    return f"<!-- snippet: {name} -->\n```csharp\n{snippets[name]}\n```"


readme = re.sub(r"<!-- snippet: (?P<name>[\w-]+) -->\n```csharp\n.*?\n```", fill, readme, flags=re.S)
readme_path.write_text(readme, encoding="utf-8")
print(f"{len(snippets)} snippets synced into README.md")
