package dev.shipshape.bench.catalog;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A deterministic organisation: groups (ten departments and their teams), users each in one team,
 * and components owned by teams (every tenth by a person), each with two tags, two links, a tier
 * and a dependency on the one before. The same data is written as descriptors for the import and
 * kept as rows for the plain JDBC baseline.
 */
record DescriptorSet(List<Group> groups, List<User> users, List<Component> components) {

	static final int DEPARTMENTS = 10;

	record Group(String name, String displayName, String email, String description, String parent) {
	}

	record User(String name, String displayName, String email, String team) {
	}

	record Link(String type, String url, String title) {
	}

	record Component(String name, String title, String description, String ownerTeam, String ownerPerson,
			String lifecycle, String system, List<String> tags, List<Link> links, String dependsOn, int tier) {
	}

	static DescriptorSet generate(int components, int groups, int users) {
		List<Group> groupList = new ArrayList<>(groups);
		for (int i = 0; i < groups; i++) {
			groupList.add(new Group(group(i), "Group " + i, group(i) + "@example.com", "Generated group " + i,
					(i < DEPARTMENTS) ? null : group(i % DEPARTMENTS)));
		}
		List<User> userList = new ArrayList<>(users);
		for (int i = 0; i < users; i++) {
			userList.add(new User(user(i), "User " + i, user(i) + "@example.com", team(i, groups)));
		}
		List<Component> componentList = new ArrayList<>(components);
		for (int i = 0; i < components; i++) {
			String name = "component-%05d".formatted(i);
			boolean personal = i % 10 == 0;
			componentList.add(new Component(name, "Component " + i, "Generated component " + i + " for the import benchmark",
					personal ? null : team(i, groups), personal ? user(i % users) : null,
					(i % 3 == 0) ? "experimental" : "production", "system-%03d".formatted(i % 100),
					List.of("generated", (i % 2 == 0) ? "java" : "go"),
					List.of(new Link("repo", "https://github.com/acme/" + name, "Repository"),
							new Link("runbook", "https://runbooks.example.com/" + name, "Runbook")),
					(i > 0) ? "component-%05d".formatted(i - 1) : null, 1 + i % 4));
		}
		return new DescriptorSet(groupList, userList, componentList);
	}

	private static String group(int i) {
		return "group-%04d".formatted(i);
	}

	private static String user(int i) {
		return "user.%05d".formatted(i);
	}

	private static String team(int i, int groups) {
		return group(DEPARTMENTS + i % (groups - DEPARTMENTS));
	}

	/** Writes the set as one multi-document YAML file, entity by entity. */
	void write(Path file) throws IOException {
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			for (Group group : this.groups) {
				out.write("---\napiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: " + group.name()
						+ "\n  description: " + group.description() + "\nspec:\n  type: team\n  profile:\n    displayName: "
						+ group.displayName() + "\n    email: " + group.email() + "\n"
						+ ((group.parent() != null) ? "  parent: " + group.parent() + "\n" : "") + "  children: []\n");
			}
			for (User user : this.users) {
				out.write("---\napiVersion: backstage.io/v1alpha1\nkind: User\nmetadata:\n  name: " + user.name()
						+ "\nspec:\n  profile:\n    displayName: " + user.displayName() + "\n    email: " + user.email()
						+ "\n  memberOf: [" + user.team() + "]\n");
			}
			for (Component component : this.components) {
				StringBuilder yaml = new StringBuilder("---\napiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n")
					.append("  name: ").append(component.name()).append('\n')
					.append("  title: ").append(component.title()).append('\n')
					.append("  description: ").append(component.description()).append('\n')
					.append("  tags: [").append(String.join(", ", component.tags())).append("]\n")
					.append("  links:\n");
				for (Link link : component.links()) {
					yaml.append("    - url: ").append(link.url()).append("\n      title: ").append(link.title())
						.append("\n      type: ").append(link.type()).append('\n');
				}
				yaml.append("  annotations:\n    shipshape.dev/tier: '").append(component.tier()).append("'\n")
					.append("spec:\n  type: service\n  lifecycle: ").append(component.lifecycle()).append('\n')
					.append("  owner: ")
					.append((component.ownerTeam() != null) ? component.ownerTeam() : "user:" + component.ownerPerson())
					.append("\n  system: ").append(component.system()).append('\n');
				if (component.dependsOn() != null) {
					yaml.append("  dependsOn: ['component:").append(component.dependsOn()).append("']\n");
				}
				out.write(yaml.toString());
			}
		}
	}
}
