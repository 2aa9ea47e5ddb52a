// gatewayctl's command line and the requests it makes, without a gateway.

#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "tools/gatewayctl/ctl_options.h"
#include "tools/gatewayctl/ctl_request.h"

namespace gatewayctl {
namespace {

struct Parsed {
  OptionsStatus status;
  CtlOptions options;
  std::string error;
};

Parsed parse(std::vector<const char*> words) {
  words.insert(words.begin(), "gatewayctl");
  Parsed parsed;
  std::ostringstream help;
  parsed.status = parseCtlOptions(static_cast<int>(words.size()), words.data(), parsed.options, help, parsed.error);
  return parsed;
}

CtlRequest request(std::vector<const char*> words) {
  const Parsed parsed = parse(std::move(words));
  EXPECT_EQ(parsed.status, OptionsStatus::kRun) << parsed.error;
  std::string error;
  const auto built = buildRequest(parsed.options, error);
  EXPECT_TRUE(built) << error;
  return built.value_or(CtlRequest{});
}

TEST(CtlOptionsTest, DefaultsToLoopbackOnTheDefaultAdminPort) {
  const Parsed parsed = parse({"accounts"});
  ASSERT_EQ(parsed.status, OptionsStatus::kRun) << parsed.error;
  EXPECT_EQ(parsed.options.host, "127.0.0.1");
  EXPECT_EQ(parsed.options.port, 9180);
  EXPECT_FALSE(parsed.options.user.empty());  // $USER, else "admin"
  EXPECT_FALSE(parsed.options.json);
}

TEST(CtlOptionsTest, OptionsMayFollowTheCommand) {
  const Parsed parsed = parse({"status", "ACC1", "--json", "--port", "7001", "--user", "dora"});
  ASSERT_EQ(parsed.status, OptionsStatus::kRun) << parsed.error;
  EXPECT_TRUE(parsed.options.json);
  EXPECT_EQ(parsed.options.port, 7001);
  EXPECT_EQ(parsed.options.user, "dora");
  EXPECT_EQ(parsed.options.arguments, std::vector<std::string>{"ACC1"});
}

TEST(CtlOptionsTest, RefusesBadValues) {
  EXPECT_EQ(parse({"--port", "0", "accounts"}).status, OptionsStatus::kError);
  EXPECT_EQ(parse({"--port", "70000", "accounts"}).status, OptionsStatus::kError);
  EXPECT_EQ(parse({"--timeout", "0", "accounts"}).status, OptionsStatus::kError);
  EXPECT_EQ(parse({"--bogus", "accounts"}).status, OptionsStatus::kError);
  EXPECT_EQ(parse({}).status, OptionsStatus::kError);
  EXPECT_EQ(parse({"--help"}).status, OptionsStatus::kHelp);
}

TEST(CtlRequestTest, EachCommandHasItsMethodPathAndBody) {
  CtlRequest made = request({"accounts"});
  EXPECT_EQ(made.method, "GET");
  EXPECT_EQ(made.target, "/accounts");
  EXPECT_EQ(made.body, "");
  made = request({"status", "ACC 1/x"});
  EXPECT_EQ(made.target, "/accounts/ACC%201%2Fx");
  made = request({"deposit", "ACC1", "12340.50", "--reference", "WIRE-1"});
  EXPECT_EQ(made.method, "POST");
  EXPECT_EQ(made.target, "/accounts/ACC1/deposits");
  EXPECT_EQ(made.body, R"({"amount":"12340.50","reference":"WIRE-1"})");
  made = request({"withdraw", "ACC1", "7"});
  EXPECT_EQ(made.target, "/accounts/ACC1/withdrawals");
  EXPECT_EQ(made.body, R"({"amount":"7"})");
  made = request({"halt", "ACC1", "--reason", "said \"stop\""});
  EXPECT_EQ(made.target, "/accounts/ACC1/halt");
  EXPECT_EQ(made.body, R"({"reason":"said \"stop\""})");
  EXPECT_EQ(request({"halt", "ACC1"}).body, "{}");
  EXPECT_EQ(request({"resume", "ACC1"}).target, "/accounts/ACC1/resume");
  made = request({"reload"});
  EXPECT_EQ(made.method, "POST");
  EXPECT_EQ(made.target, "/config/reload");
}

TEST(CtlRequestTest, RefusesWrongArgumentsAndMisplacedOptions) {
  for (const std::vector<const char*>& words : std::vector<std::vector<const char*>>{
           {"status"}, {"status", "A", "B"}, {"deposit", "A"}, {"reload", "now"}, {"launch"},
           {"resume", "A", "--reason", "x"}, {"withdraw", "A", "1", "--reason", "x"}, {"status", ""}}) {
    const Parsed parsed = parse(words);
    ASSERT_EQ(parsed.status, OptionsStatus::kRun) << parsed.error;
    std::string error;
    EXPECT_FALSE(buildRequest(parsed.options, error)) << words.front();
    EXPECT_FALSE(error.empty());
  }
}

}  // namespace
}  // namespace gatewayctl
