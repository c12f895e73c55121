// Declarations of stance's public types without their definitions, for headers that only pass them
// by reference or pointer: include this instead of stance/stance.hpp and keep your build light.
// The id types are complete here (they are small, and a forward-declared alias is no use).
#pragma once

#include <cstdint>

#include "stance/model/ids.hpp"

namespace stance {

// model/
class Date;
struct Name;
struct Actor;
struct Membership;
struct Role;
struct Scale;
struct Direction;
struct Topic;
struct Proposition;
struct Body;
struct Meeting;
struct RollCallFlags;
struct AgendaItem;
struct Participant;
struct Document;
struct SourceSpan;
struct Stance;
struct Dataset;
struct Suggestion;
struct SuggestionFilter;
enum class ActorKind : std::uint8_t;
enum class PositionKind : std::uint8_t;
enum class Breadth : std::uint8_t;
enum class Basis : std::uint8_t;
enum class VoteCode : std::uint8_t;
class DatasetBuilder;

// errors (error.hpp)
class error;
class not_found_error;
class invalid_input_error;
class storage_error;
class busy_error;
class schema_version_error;

// store/
class Store;
class ImportSession;
class ReadSnapshot;
struct OpenOptions;
struct StanceFilter;
struct RecordedVotes;
struct RecordKey;
struct ChangeNote;
struct ChangeSet;
struct HistoryFilter;

// query/
class Catalog;
struct ActorStance;
struct PositionSummary;
struct EvolutionOptions;
struct Evolution;
struct SnapshotOptions;
struct Snapshot;
struct CompareOptions;
struct Comparison;
struct AgreementCounts;
struct RollCallFilter;
struct AgreementOptions;
struct VoteAgreement;
struct AgreementMatrixOptions;
struct AgreementMatricesOptions;
struct AgreementMatrix;
struct IdealPointOptions;
struct IdealPoints;
enum class Period : std::uint8_t;

// network/
struct Network;
struct StatementNetworkOptions;
struct VoteNetworkOptions;

// coding/ and io/
struct StanceCoding;
struct CodedStance;
struct CodingRun;
struct StanceEdit;
struct SuggestionReview;
struct CsvCodingReport;
struct DatasetReadOptions;
struct ExportSelection;

// the facade (database.hpp)
class Database;
class StanceRange;

} // namespace stance
