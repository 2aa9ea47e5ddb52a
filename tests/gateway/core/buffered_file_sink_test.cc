// BufferedFileSink: lines reach the file in order and whole, from many threads, without anyone
// waiting for the disk; flush() and destruction write everything; the writer thread writes on its own.
#include "gateway/core/buffered_file_sink.h"

#include <gtest/gtest.h>
#include <spdlog/logger.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <map>
#include <memory>
#include <string>
#include <thread>
#include <vector>

namespace gateway {
namespace core {
namespace {

std::vector<std::string> linesOf(const std::string& path) {
  std::ifstream file(path);
  std::vector<std::string> lines;
  for (std::string line; std::getline(file, line);) lines.push_back(line);
  return lines;
}

std::string freshPath(const char* name) {
  const std::string path = ::testing::TempDir() + name;
  std::remove(path.c_str());
  return path;
}

TEST(BufferedFileSink, FlushWritesEverythingLoggedSoFar) {
  const std::string path = freshPath("buffered_sink_flush.log");
  auto sink = std::make_shared<BufferedFileSink>(path, std::chrono::hours(1));
  spdlog::logger logger("flush-test", sink);
  logger.set_pattern("%v");
  logger.info("one");
  logger.info("two");
  EXPECT_TRUE(linesOf(path).empty());  // an hour's interval: nothing written yet
  logger.flush();
  EXPECT_EQ(linesOf(path), (std::vector<std::string>{"one", "two"}));
}

TEST(BufferedFileSink, ABufferOfManyWriteChunksArrivesWholeAndInOrder) {
  const std::string path = freshPath("buffered_sink_chunks.log");
  auto sink = std::make_shared<BufferedFileSink>(path, std::chrono::hours(1));
  spdlog::logger logger("chunk-test", sink);
  logger.set_pattern("%v");
  const std::string padding(97, 'x');
  const int count = static_cast<int>(5 * BufferedFileSink::kWriteChunkBytes / 100 + 7);  // 5 chunks and a part
  for (int i = 0; i < count; ++i) logger.info("{:06d} {}", i, padding);
  logger.flush();
  const std::vector<std::string> lines = linesOf(path);
  ASSERT_EQ(lines.size(), static_cast<std::size_t>(count));
  for (int i = 0; i < count; ++i) {
    char expected[8];
    std::snprintf(expected, sizeof(expected), "%06d ", i);
    ASSERT_EQ(lines[static_cast<std::size_t>(i)], expected + padding) << "line " << i;
  }
}

TEST(BufferedFileSink, TheWriterThreadWritesWithoutBeingAsked) {
  const std::string path = freshPath("buffered_sink_interval.log");
  auto sink = std::make_shared<BufferedFileSink>(path, std::chrono::milliseconds(10));
  spdlog::logger logger("interval-test", sink);
  logger.set_pattern("%v");
  logger.info("written by the sink's own thread");
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (linesOf(path).empty() && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  EXPECT_EQ(linesOf(path), (std::vector<std::string>{"written by the sink's own thread"}));
}

TEST(BufferedFileSink, LinesFromManyThreadsArriveWholeAndInEachThreadsOrder) {
  const std::string path = freshPath("buffered_sink_threads.log");
  constexpr int kThreads = 4;
  constexpr int kLines = 20000;  // about 400 KB a thread: several rounds of the writer
  {
    auto sink = std::make_shared<BufferedFileSink>(path, std::chrono::milliseconds(1));
    spdlog::logger logger("threads-test", sink);
    logger.set_pattern("%v");
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
      threads.emplace_back([&logger, t] {
        for (int n = 0; n < kLines; ++n) logger.info("thread {} line {} {}", t, n, std::string(8, 'x'));
      });
    }
    for (auto& thread : threads) thread.join();
  }  // destroying the sink writes what is left
  const std::vector<std::string> lines = linesOf(path);
  ASSERT_EQ(lines.size(), static_cast<std::size_t>(kThreads * kLines));
  std::map<int, int> next;
  for (const std::string& line : lines) {
    int thread = -1;
    int number = -1;
    char tail[16] = {};
    ASSERT_EQ(std::sscanf(line.c_str(), "thread %d line %d %15s", &thread, &number, tail), 3) << line;
    EXPECT_EQ(std::string(tail), std::string(8, 'x'));
    EXPECT_EQ(number, next[thread]++) << "thread " << thread;
  }
}

TEST(BufferedFileSink, AFileThatCannotBeOpenedIsNamed) {
  try {
    BufferedFileSink sink("/nonexistent-folder/x.log", std::chrono::milliseconds(10));
    FAIL() << "opened a file in a folder that does not exist";
  } catch (const spdlog::spdlog_ex& e) {
    EXPECT_NE(std::string(e.what()).find("/nonexistent-folder/x.log"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace core
}  // namespace gateway
