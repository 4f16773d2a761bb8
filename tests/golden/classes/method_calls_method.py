# Methods call other methods via self, seeing overrides.
class Report:
    def header(self):
        return "REPORT"
    def render(self):
        return f"[{self.header()}]"
class Custom(Report):
    def header(self):
        return "custom " + super().header().lower()
print(Report().render(), Custom().render())  # expect: [REPORT] [custom report]
