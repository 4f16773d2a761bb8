# The classic n-body simulation (Jovian planets around the Sun), written for
# gilvm's subset: float arithmetic, ** with a float exponent, lists of lists for
# positions and velocities, a list of tuples for the pairs, tuple unpacking.
# Runs under gilvm and python3 alike; prints a checksum, measures nothing itself.

PI = 3.14159265358979323
SOLAR_MASS = 4 * PI * PI
DAYS_PER_YEAR = 365.24


def make_bodies():
    # Each body: [position, velocity, mass]; position and velocity are lists.
    sun = [[0.0, 0.0, 0.0], [0.0, 0.0, 0.0], SOLAR_MASS]
    jupiter = [
        [4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01],
        [1.66007664274403694e-03 * DAYS_PER_YEAR,
         7.69901118419740425e-03 * DAYS_PER_YEAR,
         -6.90460016972063023e-05 * DAYS_PER_YEAR],
        9.54791938424326609e-04 * SOLAR_MASS,
    ]
    saturn = [
        [8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01],
        [-2.76742510726862411e-03 * DAYS_PER_YEAR,
         4.99852801234917238e-03 * DAYS_PER_YEAR,
         2.30417297573763929e-05 * DAYS_PER_YEAR],
        2.85885980666130812e-04 * SOLAR_MASS,
    ]
    uranus = [
        [1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01],
        [2.96460137564761618e-03 * DAYS_PER_YEAR,
         2.37847173959480950e-03 * DAYS_PER_YEAR,
         -2.96589568540237556e-05 * DAYS_PER_YEAR],
        4.36624404335156298e-05 * SOLAR_MASS,
    ]
    neptune = [
        [1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01],
        [2.68067772490389322e-03 * DAYS_PER_YEAR,
         1.62824170038242295e-03 * DAYS_PER_YEAR,
         -9.51592254519715870e-05 * DAYS_PER_YEAR],
        5.15138902046611451e-05 * SOLAR_MASS,
    ]
    return [sun, jupiter, saturn, uranus, neptune]


def make_pairs(bodies):
    pairs = []
    for i in range(len(bodies)):
        for j in range(i + 1, len(bodies)):
            pairs.append((bodies[i], bodies[j]))
    return pairs


def offset_momentum(bodies):
    px = 0.0
    py = 0.0
    pz = 0.0
    for (pos, vel, mass) in bodies:
        px -= vel[0] * mass
        py -= vel[1] * mass
        pz -= vel[2] * mass
    vel = bodies[0][1]
    m = bodies[0][2]
    vel[0] = px / m
    vel[1] = py / m
    vel[2] = pz / m


def energy(bodies, pairs):
    e = 0.0
    for (b1, b2) in pairs:
        p1 = b1[0]
        p2 = b2[0]
        dx = p1[0] - p2[0]
        dy = p1[1] - p2[1]
        dz = p1[2] - p2[2]
        e -= (b1[2] * b2[2]) / ((dx * dx + dy * dy + dz * dz) ** 0.5)
    for (pos, vel, mass) in bodies:
        e += mass * (vel[0] * vel[0] + vel[1] * vel[1] + vel[2] * vel[2]) / 2.0
    return e


def advance(dt, steps, bodies, pairs):
    for _ in range(steps):
        for (b1, b2) in pairs:
            p1, v1, m1 = b1
            p2, v2, m2 = b2
            dx = p1[0] - p2[0]
            dy = p1[1] - p2[1]
            dz = p1[2] - p2[2]
            mag = dt * ((dx * dx + dy * dy + dz * dz) ** -1.5)
            b1m = m1 * mag
            b2m = m2 * mag
            v1[0] -= dx * b2m
            v1[1] -= dy * b2m
            v1[2] -= dz * b2m
            v2[0] += dx * b1m
            v2[1] += dy * b1m
            v2[2] += dz * b1m
        for (pos, vel, mass) in bodies:
            pos[0] += dt * vel[0]
            pos[1] += dt * vel[1]
            pos[2] += dt * vel[2]


def main():
    bodies = make_bodies()
    pairs = make_pairs(bodies)
    offset_momentum(bodies)
    print(f"nbody energy before {energy(bodies, pairs):.9f}")
    advance(0.01, 100_000, bodies, pairs)
    print(f"nbody energy after  {energy(bodies, pairs):.9f}")


main()
